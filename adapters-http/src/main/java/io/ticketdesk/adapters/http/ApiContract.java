package io.ticketdesk.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The hand-written OpenAPI contract (its explorer page is served by the web module). */
final class ApiContract {
  static final String RESOURCE = "/openapi.yaml";
  private static final List<String> METHODS =
      List.of("get", "post", "put", "patch", "delete", "head", "options");

  private final String yaml;
  private final JsonNode spec;

  private ApiContract(String yaml) {
    this.yaml = yaml;
    try {
      this.spec = new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.yaml is not valid YAML", e);
    }
  }

  static ApiContract load() {
    try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("openapi.yaml is missing from the class path");
      }
      return new ApiContract(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String yaml() {
    return yaml;
  }

  JsonNode spec() {
    return spec;
  }

  /**
   * The query parameters each operation declares, as {@code "GET /api/v1/tickets"} → names (path
   * and operation parameters, {@code $ref}s to {@code components/parameters} resolved).
   */
  Map<String, Set<String>> queryParameters() {
    Map<String, Set<String>> byOperation = new HashMap<>();
    forEachOperation(
        spec,
        (path, method, operation) -> {
          Set<String> names = new TreeSet<>();
          JsonNode pathParameters = spec.path("paths").path(path).path("parameters");
          for (JsonNode list : List.of(pathParameters, operation.path("parameters"))) {
            for (JsonNode parameter : list) {
              JsonNode p = resolve(parameter);
              if ("query".equals(p.path("in").asText())) {
                names.add(p.path("name").asText());
              }
            }
          }
          byOperation.put(method.toUpperCase(Locale.ROOT) + " " + path, Set.copyOf(names));
        });
    return Map.copyOf(byOperation);
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText("");
    if (!ref.startsWith("#/")) {
      return node;
    }
    JsonNode target = spec.at(ref.substring(1));
    if (target.isMissingNode()) {
      throw new IllegalStateException("openapi.yaml: unresolved " + ref);
    }
    return target;
  }

  interface OperationVisitor {
    void visit(String path, String method, JsonNode operation);
  }

  static void forEachOperation(JsonNode spec, OperationVisitor visitor) {
    spec.path("paths")
        .fields()
        .forEachRemaining(
            p -> {
              for (String method : METHODS) {
                JsonNode op = p.getValue().get(method);
                if (op != null) {
                  visitor.visit(p.getKey(), method, op);
                }
              }
            });
  }
}
