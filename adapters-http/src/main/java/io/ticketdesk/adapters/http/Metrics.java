package io.ticketdesk.adapters.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  /**
   * One timer per label set, built once: Micrometer's {@code Timer.builder(…).register} builds and
   * sorts the tags and looks the meter up on every call, which cost about as much as the lookup's
   * JSON. The label sets are bounded (the standard methods, the registered routes, the statuses the
   * server chose), so this map is too.
   */
  private final ConcurrentHashMap<Labels, Timer> timers = new ConcurrentHashMap<>();

  private record Labels(String method, String route, int status) {}

  /** Called by Javalin after every request with its duration in milliseconds. */
  void record(Context ctx, Float millis) {
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    timers
        .computeIfAbsent(new Labels(method(ctx), route, ctx.statusCode()), this::timer)
        .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
  }

  private Timer timer(Labels labels) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests by method, route template and status")
        .tag("method", labels.method())
        .tag("route", labels.route())
        .tag("status", status(labels.status()))
        .register(registry);
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
