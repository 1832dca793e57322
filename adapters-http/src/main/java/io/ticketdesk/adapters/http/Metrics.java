package io.ticketdesk.adapters.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Request timers per method, route template and status, exposed in the Prometheus format. No label
 * takes its value from the request: the method is one of the standard ones or {@code other}, the
 * route is a registered template or {@code unmatched}, the status is one the server chose.
 */
final class Metrics {
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  /** Called by Javalin after every request with its duration in milliseconds. */
  void record(Context ctx, Float millis) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    Timer.builder("http.server.requests")
        .description("HTTP requests by method, route template and status")
        .tag("method", method(ctx))
        .tag("route", route)
        .tag("status", status(ctx.statusCode()))
        .register(registry)
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  static String method(Context ctx) {
    if (Boolean.TRUE.equals(ctx.req().getAttribute(HeadAsGet.HEAD))) {
      return "HEAD";
    }
    String method = ctx.req().getMethod();
    return METHODS.contains(method) ? method : "other";
  }

  private static String status(int code) {
    return code >= 100 && code <= 599 ? Integer.toString(code) : "other";
  }

  void scrape(Context ctx) {
    ctx.status(200).contentType(PROMETHEUS_TEXT).result(registry.scrape());
  }
}
