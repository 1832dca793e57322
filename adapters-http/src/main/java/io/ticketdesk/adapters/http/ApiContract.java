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

/** The hand-written OpenAPI contract and the HTML reference page rendered from it. */
final class ApiContract {
  static final String RESOURCE = "/openapi.yaml";
  private static final List<String> METHODS =
      List.of("get", "post", "put", "patch", "delete", "head", "options");

  private final String yaml;
  private final JsonNode spec;
  private final String html;

  private ApiContract(String yaml) {
    this.yaml = yaml;
    try {
      this.spec = new YAMLMapper().readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.yaml is not valid YAML", e);
    }
    this.html = render(spec);
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

  String html() {
    return html;
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

  private static String render(JsonNode spec) {
    StringBuilder h = new StringBuilder();
    String title = spec.path("info").path("title").asText("API");
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(esc(title))
        .append(" — API reference</title><style>")
        .append("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;")
        .append("padding:0 1rem;line-height:1.45;color:#222}")
        .append("code,pre{font-family:ui-monospace,monospace;background:#f4f4f4;padding:0 .2em}")
        .append("table{border-collapse:collapse;margin:.5rem 0}")
        .append("td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;")
        .append("vertical-align:top}")
        .append(".op{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}")
        .append(".m{display:inline-block;min-width:4.5em;font-weight:bold;color:#fff;")
        .append("padding:0 .4em;border-radius:3px;background:#555}")
        .append(".get{background:#2b7}.post{background:#27c}.patch{background:#c80}")
        .append("</style></head><body>\n");
    h.append("<h1>")
        .append(esc(title))
        .append(" <small>")
        .append(esc(spec.path("info").path("version").asText()))
        .append("</small></h1>\n");
    h.append("<p>")
        .append(esc(spec.path("info").path("description").asText()).replace("\n\n", "</p><p>"))
        .append("</p>\n");
    h.append("<p>Machine-readable contract: <a href=\"/openapi.yaml\">/openapi.yaml</a>.")
        .append(" Server base: <code>")
        .append(esc(spec.path("servers").path(0).path("url").asText("/")))
        .append("</code></p>\n<h2>Operations</h2>\n<ul>\n");
    forEachOperation(
        spec,
        (path, method, op) ->
            h.append("<li><a href=\"#")
                .append(esc(anchor(method, path)))
                .append("\"><code>")
                .append(method.toUpperCase())
                .append(' ')
                .append(esc(path))
                .append("</code></a> — ")
                .append(esc(op.path("summary").asText()))
                .append("</li>\n"));
    h.append("</ul>\n");
    forEachOperation(spec, (path, method, op) -> operation(h, spec, path, method, op));
    h.append("<h2>Schemas</h2>\n");
    spec.path("components")
        .path("schemas")
        .fields()
        .forEachRemaining(e -> schema(h, e.getKey(), e.getValue()));
    h.append("</body></html>\n");
    return h.toString();
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

  private static void operation(
      StringBuilder h, JsonNode spec, String path, String method, JsonNode op) {
    h.append("<div class=\"op\" id=\"")
        .append(esc(anchor(method, path)))
        .append("\"><h3><span class=\"m ")
        .append(method)
        .append("\">")
        .append(method.toUpperCase())
        .append("</span> <code>")
        .append(esc(path))
        .append("</code></h3>\n<p><b>")
        .append(esc(op.path("summary").asText()))
        .append("</b></p>\n");
    if (op.has("description")) {
      h.append("<p>").append(esc(op.get("description").asText())).append("</p>\n");
    }
    boolean secured = !op.has("security") || !op.get("security").isEmpty();
    h.append("<p>Authentication: ")
        .append(secured ? "<code>Authorization: Bearer &lt;token&gt;</code>" : "none")
        .append("</p>\n");
    JsonNode params = op.path("parameters");
    if (params.size() > 0) {
      h.append("<table><tr><th>parameter</th><th>in</th><th>type</th><th>description</th></tr>");
      for (JsonNode p : params) {
        JsonNode param = resolve(spec, p);
        h.append("<tr><td><code>")
            .append(esc(param.path("name").asText()))
            .append("</code>")
            .append(param.path("required").asBoolean() ? " (required)" : "")
            .append("</td><td>")
            .append(esc(param.path("in").asText()))
            .append("</td><td>")
            .append(esc(typeOf(param.path("schema"))))
            .append("</td><td>")
            .append(esc(param.path("description").asText()))
            .append("</td></tr>");
      }
      h.append("</table>\n");
    }
    JsonNode body = op.path("requestBody").path("content").path("application/json");
    if (!body.isMissingNode()) {
      h.append("<p>Request body (<code>application/json</code>): <code>")
          .append(esc(typeOf(body.path("schema"))))
          .append("</code></p>\n");
    }
    h.append("<table><tr><th>status</th><th>meaning</th><th>body</th></tr>");
    op.path("responses")
        .fields()
        .forEachRemaining(
            r -> {
              JsonNode response = resolve(spec, r.getValue());
              StringBuilder bodies = new StringBuilder();
              response
                  .path("content")
                  .fields()
                  .forEachRemaining(
                      c ->
                          bodies
                              .append(esc(c.getKey()))
                              .append(": <code>")
                              .append(esc(typeOf(c.getValue().path("schema"))))
                              .append("</code> "));
              h.append("<tr><td>")
                  .append(esc(r.getKey()))
                  .append("</td><td>")
                  .append(esc(response.path("description").asText()))
                  .append("</td><td>")
                  .append(bodies)
                  .append("</td></tr>");
            });
    h.append("</table></div>\n");
  }

  private static void schema(StringBuilder h, String name, JsonNode schema) {
    h.append("<h3 id=\"schema-")
        .append(esc(name))
        .append("\">")
        .append(esc(name))
        .append("</h3>\n");
    if (schema.has("description")) {
      h.append("<p>").append(esc(schema.get("description").asText())).append("</p>\n");
    }
    JsonNode props = schema.path("properties");
    if (props.size() == 0) {
      return;
    }
    List<String> required = Json.MAPPER.convertValue(schema.path("required"), List.class);
    h.append("<table><tr><th>field</th><th>type</th><th>description</th></tr>");
    props
        .fields()
        .forEachRemaining(
            p ->
                h.append("<tr><td><code>")
                    .append(esc(p.getKey()))
                    .append("</code>")
                    .append(required != null && required.contains(p.getKey()) ? " *" : "")
                    .append("</td><td>")
                    .append(esc(typeOf(p.getValue())))
                    .append("</td><td>")
                    .append(esc(p.getValue().path("description").asText()))
                    .append("</td></tr>"));
    h.append("</table>\n");
  }

  private static JsonNode resolve(JsonNode spec, JsonNode node) {
    if (node.has("$ref")) {
      return spec.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private static String typeOf(JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
    for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
      if (schema.has(combinator)) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode s : schema.get(combinator)) {
          sb.append(sb.length() == 0 ? "" : " | ").append(typeOf(s));
        }
        return sb.toString();
      }
    }
    JsonNode type = schema.path("type");
    String t = type.isArray() ? join(type) : type.asText("any");
    if (t.startsWith("array") && schema.has("items")) {
      t = "array of " + typeOf(schema.get("items")) + t.substring("array".length());
    }
    if (schema.has("enum")) {
      t += " (" + join(schema.get("enum")) + ")";
    }
    if (schema.has("format")) {
      t += ", " + schema.get("format").asText();
    }
    return t;
  }

  private static String join(JsonNode array) {
    StringBuilder sb = new StringBuilder();
    for (JsonNode n : array) {
      sb.append(sb.length() == 0 ? "" : " | ").append(n.isNull() ? "null" : n.asText());
    }
    return sb.toString();
  }

  private static String anchor(String method, String path) {
    return method + path.replaceAll("[^A-Za-z0-9]+", "-");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
