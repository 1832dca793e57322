package io.ticketdesk.adapters.http;

import io.javalin.http.Context;

/** Writes JSON bodies with the adapter's Jackson configuration. */
final class Responses {
  static final String JSON = "application/json";

  private Responses() {}

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType(JSON).result(Json.write(body));
  }

  /** Marks an answer that repeats the first result of its {@code Idempotency-Key}. */
  static void replayed(Context ctx, boolean replayed) {
    if (replayed) {
      ctx.header("Idempotent-Replayed", "true");
    }
  }
}
