package io.ticketdesk.adapters.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.ticketdesk.application.port.out.StoreUnavailableException;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
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
    };
  }

  static String title(String slug) {
    return switch (slug) {
      case "validation" -> "The request is not valid";
      case "unauthenticated" -> "Authentication required";
      case "forbidden" -> "Not allowed for this role";
      case "not-found" -> "Not found";
      case "conflict" -> "Conflict with the current state";
      case "ticket-closed" -> "The ticket is closed";
      case "invalid-transition" -> "Not possible in the ticket's current status";
      case "precondition-failed" -> "The resource changed meanwhile";
      case "refund-exceeds-remaining" -> "The refund exceeds what remains refundable";
      case "idempotency-key-reused" -> "The Idempotency-Key was used for another request";
      case "payload-too-large" -> "The request body is too large";
      case "unsupported-media-type" -> "Unsupported media type";
      case "method-not-allowed" -> "Method not allowed";
      case "not-acceptable" -> "Not acceptable";
      case "store-unavailable" -> "The data store is unavailable";
      case "placeholder-unfilled" -> "A placeholder has no value for this ticket";
      case "rate-limited" -> "Too many requests";
      case "return-option-required" -> "The first response must offer a valid return option";
      case "return-option-invalid" -> "The return option is not valid for this ticket";
      case "carrier-failed" -> "The carrier failed to make the label";
      case "request-timeout" -> "The request did not arrive in time";
      default -> "Internal error";
    };
  }

  static void domain(DomainException e, Context ctx) {
    if (e.code() == ErrorCode.UNAUTHENTICATED) {
      ctx.header("WWW-Authenticate", "Bearer");
    }
    send(ctx, status(e.code()), e.code().slug(), e.getMessage(), e.details());
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
          send(ctx, status, "validation", "the request is not valid", Map.of());
        } else {
          unexpected(e, ctx);
        }
      }
    }
  }

  static void storeUnavailable(StoreUnavailableException e, Context ctx) {
    LOG.warn("store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
    send(ctx, 503, "store-unavailable", "the data store is unavailable; retry later", Map.of());
  }

  static void unexpected(Exception e, Context ctx) {
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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE_BASE + slug);
    body.put("title", title(slug));
    body.put("status", status);
    body.put("detail", detail == null ? title(slug) : detail);
    body.put("instance", ctx.path());
    extensions.forEach(body::putIfAbsent);
    ctx.status(status).contentType(MEDIA_TYPE).result(Json.write(body));
  }
}
