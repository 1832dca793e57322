package io.ticketdesk.domain;

/**
 * How one delivery attempt ended: the receiver's HTTP status, or no status and what went wrong
 * (timeout, refused connection, a target that is not allowed), and how long it took.
 */
public record AttemptResult(Integer statusCode, String error, long durationMillis) {
  public static final int MAX_ERROR_LENGTH = 500;

  public AttemptResult {
    if ((statusCode == null) == (error == null)) {
      throw new IllegalArgumentException("an attempt has a status code or an error");
    }
    if (error != null && error.length() > MAX_ERROR_LENGTH) {
      error = error.substring(0, MAX_ERROR_LENGTH);
    }
    durationMillis = Math.max(0, durationMillis);
  }

  public static AttemptResult status(int code, long millis) {
    return new AttemptResult(code, null, millis);
  }

  public static AttemptResult failed(String error, long millis) {
    return new AttemptResult(null, error, millis);
  }

  /** A 2xx answer ends the delivery. */
  public boolean succeeded() {
    return statusCode != null && statusCode >= 200 && statusCode < 300;
  }

  /** 410 Gone: the receiver does not want events any more; the endpoint is disabled. */
  public boolean gone() {
    return statusCode != null && statusCode == 410;
  }

  public String describe() {
    return statusCode != null ? "HTTP " + statusCode : error;
  }
}
