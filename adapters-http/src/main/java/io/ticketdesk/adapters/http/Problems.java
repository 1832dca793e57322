package io.ticketdesk.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.ticketdesk.application.port.in.UnavailableException;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.ReaderTexts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns refusals into RFC 9457 {@code application/problem+json} responses. The
 * {@code type} of every problem is {@value #TYPE_BASE} followed by a stable slug.
 */
final class Problems {
  static final String TYPE_BASE = "https://ticketdesk.io/problems/";
  static final String MEDIA_TYPE = "application/problem+json";
  static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  /** The HTTP status of each domain error code. */
  static int status(ErrorCode code) {
    return switch (code) {
      case VALIDATION -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT, TICKET_CLOSED, INVALID_TRANSITION -> 409;
      case PRECONDITION_FAILED -> 412;
      case PLACEHOLDER_UNFILLED -> 422;
      case REFUND_EXCEEDS_REMAINING, IDEMPOTENCY_KEY_REUSED -> 422;
      case RETURN_OPTION_REQUIRED, RETURN_OPTION_INVALID -> 422;
      case CARRIER_FAILED -> 502;
      case CARRIER_BUSY -> 503;
      case CARRIER_TIMED_OUT -> 504;
    };
  }

  /** The English title of a problem type (those of domain refusals come from the texts). */
  static String title(String slug) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.slug().equals(slug)) {
        return ReaderTexts.of(Language.ENGLISH).problemTitle(code);
      }
    }
    return switch (slug) {
      case "payload-too-large" -> "The request body is too large";
      case "unsupported-media-type" -> "Unsupported media type";
      case "method-not-allowed" -> "Method not allowed";
      case "not-acceptable" -> "Not acceptable";
      case "store-unavailable" -> "The data store is unavailable";
      case "rate-limited" -> "Too many requests";
      case "too-many-streams" -> "Too many event streams with this token";
      case "streams-exhausted" -> "No event stream is free on this instance";
      case "request-timeout" -> "The request did not arrive in time";
      case "malformed-request" -> "The HTTP request is malformed";
      case "uri-too-long" -> "The request URI is too long";
      case "header-fields-too-large" -> "The request header fields are too large";
      case "http-version-not-supported" -> "The HTTP version is not supported";
      case "service-unavailable" -> "The service is unavailable";
      default -> "Internal error";
    };
  }

  /**
   * The problem slug of a refusal that has nothing but an HTTP status: Javalin's own (no route,
   * wrong method, …) and Jetty's, which refuses malformed requests before any route sees them
   * ({@link JettyErrorProblems}).
   */
  static String slug(int status) {
    return switch (status) {
      case 401 -> "unauthenticated";
      case 403 -> "forbidden";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 408 -> "request-timeout";
      case 409 -> "conflict";
      case 412 -> "precondition-failed";
      case 413 -> "payload-too-large";
      case 414 -> "uri-too-long";
      case 415 -> "unsupported-media-type";
      case 429 -> "rate-limited";
      case 431 -> "header-fields-too-large";
      case 426, 505 -> "http-version-not-supported";
      case 503 -> "service-unavailable";
      default -> status >= 400 && status < 500 ? "malformed-request" : "internal";
    };
  }

  static void domain(DomainException e, Context ctx) {
    if (e.code() == ErrorCode.UNAUTHENTICATED) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    if (e.code() == ErrorCode.CARRIER_BUSY) {
      ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    }
    Language language = Requests.language(ctx);
    ReaderTexts texts = ReaderTexts.of(language);
    boolean translated = e.notice() != null || language == Language.ENGLISH;
    if (translated) {
      ctx.header("Content-Language", language.tag());
    }
    // Details written for developers (field names, ids) stay English; the title and the
    // explanations a seller or buyer meets (the notices) are in the reader's language.
    String detail =
        e.notice() == null ? e.getMessage() : texts.render(e.notice(), java.time.ZoneOffset.UTC);
    ctx.status(status(e.code()))
        .contentType(MEDIA_TYPE)
        .result(
            body(
                status(e.code()),
                texts.problemTitle(e.code()),
                e.code().slug(),
                detail,
                ctx.path(),
                e.details()));
  }

  static void http(HttpProblem e, Context ctx) {
    send(ctx, e.status(), e.slug(), e.getMessage(), e.extensions());
  }

  /** Javalin's own refusals: no route (404), wrong method (405), body limits, … */
  static void javalin(HttpResponseException e, Context ctx) {
    int status = e.getStatus();
    switch (status) {
      case 404 -> send(ctx, 404, "not-found", "no resource at " + ctx.path(), Map.of());
      case 405 ->
          send(
              ctx,
              405,
              "method-not-allowed",
              ctx.method().name() + " is not allowed on " + ctx.path(),
              Map.of());
      case 413 -> send(ctx, 413, "payload-too-large", "the body exceeds 1 MiB", Map.of());
      case 415 ->
          send(ctx, 415, "unsupported-media-type", "send the body as application/json", Map.of());
      default -> {
        if (status >= 400 && status < 500) {
          send(ctx, status, slug(status), null, Map.of());
        } else {
          unexpected(e, ctx);
        }
      }
    }
  }

  static void storeUnavailable(UnavailableException e, Context ctx) {
    LOG.warn("store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    send(ctx, 503, "store-unavailable", "the data store is unavailable; retry later", Map.of());
  }

  static void unexpected(Exception e, Context ctx) {
    org.eclipse.jetty.http.HttpException refused = httpException(e);
    if (refused != null && refused.getCode() >= 400 && refused.getCode() < 500) {
      // Jetty refused the rest of the request while the body was read (e.g. broken chunked
      // encoding): the client's fault, answered like Jetty's own refusals.
      LOG.info("request refused by Jetty on {} {}: {}", ctx.method(), ctx.path(), e.toString());
      ctx.header("Connection", "close");
      send(
          ctx,
          refused.getCode(),
          slug(refused.getCode()),
          protocolDetail(refused.getCode(), refused.getReason()),
          Map.of());
      return;
    }
    if (requestNotReceived(e)) {
      // A slow or vanished client (idle timeout or end of stream while the body was read): the
      // client's problem, not the server's, so 408 and no stack trace in the log.
      LOG.info("request body not received on {} {}: {}", ctx.method(), ctx.path(), e.toString());
      send(
          ctx,
          408,
          "request-timeout",
          "the request did not arrive completely before the idle timeout",
          Map.of());
      return;
    }
    LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
    send(ctx, 500, "internal", "an unexpected error occurred; it has been logged", Map.of());
  }

  private static org.eclipse.jetty.http.HttpException httpException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.HttpException h) {
        return h;
      }
    }
    return null;
  }

  /**
   * The detail of a refusal that has only a status and Jetty's reason phrase (e.g. "Illegal
   * character CNTL=0x1"): a fixed sentence for the slug, followed by the reason as visible ASCII of
   * at most 100 characters when it says more than the status. A server error shows no reason.
   */
  static String protocolDetail(int status, String reason) {
    String slug = slug(status);
    String sentence =
        switch (status) {
          case 414 -> "the request URI is longer than the server accepts";
          case 417 -> "the only expectation supported is Expect: 100-continue";
          case 431 -> "the request headers are larger than the server accepts";
          case 426, 505 -> "send the request as HTTP/1.1";
          case 500 -> "an unexpected error occurred; it has been logged";
          case 503 -> "the service cannot answer now; retry later";
          default ->
              slug.equals("malformed-request")
                  ? "the request line, a header, the URI or the framing of the body is not valid HTTP"
                  : title(slug);
        };
    if (reason == null || (status >= 500 && status != 505)) {
      return sentence;
    }
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < reason.length() && safe.length() < 100; i++) {
      char c = reason.charAt(i);
      safe.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    String said = safe.toString().strip();
    if (said.isEmpty()
        || said.equalsIgnoreCase(org.eclipse.jetty.http.HttpStatus.getMessage(status))
        || said.contains("Exception")
        || said.contains("java.")) {
      return sentence;
    }
    return sentence + " (" + said + (reason.length() > 100 ? "..." : "") + ")";
  }

  private static boolean requestNotReceived(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.util.concurrent.TimeoutException
          || t instanceof org.eclipse.jetty.io.EofException) {
        return true;
      }
    }
    return false;
  }

  static void send(
      Context ctx, int status, String slug, String detail, Map<String, Object> extensions) {
    ctx.status(status)
        .contentType(MEDIA_TYPE)
        .result(body(status, slug, detail, ctx.path(), extensions));
  }

  /** The problem document; {@code instance} is left out when null. */
  static byte[] body(
      int status, String slug, String detail, String instance, Map<String, Object> extensions) {
    return body(status, title(slug), slug, detail, instance, extensions);
  }

  private static byte[] body(
      int status,
      String title,
      String slug,
      String detail,
      String instance,
      Map<String, Object> extensions) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + slug);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail == null ? title : detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    extensions.forEach(body::putIfAbsent);
    return Json.write(body);
  }
}
