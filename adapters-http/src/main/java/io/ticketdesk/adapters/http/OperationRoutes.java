package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Health, readiness and the contract; no token needed. */
final class OperationRoutes {
  private final BooleanSupplier ready;
  private final ApiContract contract;

  OperationRoutes(BooleanSupplier ready, ApiContract contract) {
    this.ready = requireNonNull(ready, "ready is null");
    this.contract = requireNonNull(contract, "contract is null");
  }

  void health(Context ctx) {
    Responses.json(ctx, 200, Map.of("status", "up"));
  }

  void ready(Context ctx) {
    boolean up;
    try {
      up = ready.getAsBoolean();
    } catch (RuntimeException e) {
      up = false;
    }
    if (up) {
      Responses.json(ctx, 200, Map.of("status", "ready"));
    } else {
      ctx.header("Retry-After", Problems.RETRY_AFTER_SECONDS);
      Problems.send(
          ctx, 503, "store-unavailable", "the data store is not reachable; retry later", Map.of());
    }
  }

  void openApi(Context ctx) {
    ctx.status(200).contentType("application/yaml; charset=utf-8").result(contract.yaml());
  }
}
