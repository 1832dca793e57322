package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks each response the tests receive against openapi.yaml: the operation exists, the status is
 * documented, the media type matches and the body validates against the documented schema.
 */
final class ContractValidator {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final JsonNode SPEC = load();

  private final SchemaRegistry registry =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /**
   * Every documented "METHOD /template status" a response of this test run was checked against,
   * across all instances; {@link ContractCoverageTest} reads it after the other test classes ran.
   */
  static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

  private static JsonNode load() {
    try (InputStream in = ContractValidator.class.getResourceAsStream("/openapi.yaml")) {
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spec path template that matches a concrete path, or null. */
  static String template(String path) {
    String literal = null;
    String templated = null;
    for (Iterator<String> it = SPEC.path("paths").fieldNames(); it.hasNext(); ) {
      String t = it.next();
      if (t.equals(path)) {
        literal = t;
      } else if (path.matches(t.replaceAll("\\{[^}]+}", "[^/]+"))) {
        templated = t;
      }
    }
    return literal != null ? literal : templated;
  }

  void check(String method, String path, int status, String contentType, String body) {
    String where = method + " " + path + " -> " + status;
    String template = template(path);
    JsonNode operation =
        template == null
            ? null
            : SPEC.path("paths").path(template).get(method.toLowerCase(Locale.ROOT));
    JsonNode responseSchema;
    String documentedType;
    if (operation == null) {
      // Unknown routes and methods: only problem responses are acceptable.
      if (status < 400) {
        fail(where + ": not in openapi.yaml but answered " + status);
      }
      documentedType = "application/problem+json";
      responseSchema = JSON.createObjectNode().put("$ref", "#/components/schemas/Problem");
    } else {
      JsonNode response = operation.path("responses").get(Integer.toString(status));
      if (response == null) {
        fail(where + ": status " + status + " is not documented; body: " + body);
      }
      CHECKED.add(method.toUpperCase(Locale.ROOT) + " " + template + " " + status);
      response = resolve(response);
      JsonNode content = response.path("content");
      if (content.isMissingNode() || content.isEmpty()) {
        return;
      }
      String media = contentType == null ? "" : contentType.split(";")[0].strip();
      JsonNode mediaNode = content.get(media);
      if (mediaNode == null) {
        fail(where + ": media type '" + media + "' is not documented; documented: " + content);
      }
      documentedType = media;
      responseSchema = mediaNode.path("schema");
    }
    String media = contentType == null ? "" : contentType.split(";")[0].strip();
    if (!media.equals(documentedType)) {
      fail(where + ": media type " + media + ", documented " + documentedType);
    }
    if (!media.endsWith("json")) {
      return;
    }
    List<Error> errors = validate(responseSchema, body);
    if (!errors.isEmpty()) {
      fail(where + ": body does not match openapi.yaml: " + errors + "\nbody: " + body);
    }
  }

  /** Validates a JSON text against a schema node of the spec (whose $refs point into it). */
  List<Error> validate(JsonNode schemaNode, String body) {
    String key = schemaNode.toString();
    Schema schema =
        schemas.computeIfAbsent(
            key,
            k -> {
              ObjectNode doc = JSON.createObjectNode();
              doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
              doc.set("components", SPEC.path("components"));
              doc.setAll((ObjectNode) schemaNode.deepCopy());
              return registry.getSchema(doc.toString(), InputFormat.JSON);
            });
    return schema.validate(body, InputFormat.JSON);
  }

  List<Error> validateAgainst(String componentSchema, String body) {
    return validate(
        JSON.createObjectNode().put("$ref", "#/components/schemas/" + componentSchema), body);
  }

  private static JsonNode resolve(JsonNode node) {
    if (node.has("$ref")) {
      return SPEC.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }
}
