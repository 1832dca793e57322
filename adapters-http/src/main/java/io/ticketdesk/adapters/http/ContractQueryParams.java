package io.ticketdesk.adapters.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.Map;
import java.util.Set;

/**
 * Refuses query parameters an operation does not declare in openapi.yaml, before its handler runs,
 * and a declared one given twice: every API route, including those that take none (the list routes
 * check their own parameters' values in {@link QueryParams} too). A route the contract lacks is
 * left alone here; the contract test fails on it.
 */
final class ContractQueryParams {
  private final Map<String, Set<String>> declared;

  ContractQueryParams(ApiContract contract) {
    this.declared = contract.queryParameters();
  }

  void check(Context ctx) {
    Map<String, java.util.List<String>> given = QueryString.of(ctx);
    if (given.isEmpty()) {
      return;
    }
    Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    if (endpoint == null) {
      return;
    }
    Set<String> known = declared.get(endpoint.method.name() + " " + endpoint.path);
    if (known == null) {
      return;
    }
    for (var entry : given.entrySet()) {
      if (!known.contains(entry.getKey())) {
        throw QueryParams.unknown(entry.getKey(), known);
      }
      if (entry.getValue().size() > 1) {
        throw QueryParams.repeated(entry.getKey());
      }
    }
  }
}
