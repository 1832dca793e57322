package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ticketdesk.domain.CancellationReason;
import io.ticketdesk.domain.RefundReason;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What openapi.yaml promises generated clients: every example validates against its schema, every
 * operation shows one for its request and success response, every integer says its size, and ids
 * and amounts stay within what a JavaScript number reads exactly.
 */
class OpenApiExamplesAndNumbersTest {
  static final JsonNode SPEC = ContractValidator.SPEC;
  static final long MAX_EXACT = 9_007_199_254_740_991L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? SPEC.at(node.get("$ref").asText().substring(1)) : node;
  }

  /** Every media type (requests and responses, also the shared responses) with its examples. */
  private static void forEachMediaType(MediaVisitor visitor) {
    ApiContract.forEachOperation(
        SPEC,
        (path, method, op) -> {
          String where = method.toUpperCase(Locale.ROOT) + " " + path;
          resolve(op.path("requestBody"))
              .path("content")
              .fields()
              .forEachRemaining(m -> visitor.visit(where + " request " + m.getKey(), m));
          op.path("responses")
              .fields()
              .forEachRemaining(
                  r ->
                      resolve(r.getValue())
                          .path("content")
                          .fields()
                          .forEachRemaining(
                              m -> visitor.visit(where + " " + r.getKey() + " " + m.getKey(), m)));
        });
  }

  interface MediaVisitor {
    void visit(String where, Map.Entry<String, JsonNode> media);
  }

  private static List<JsonNode> examples(JsonNode media) {
    List<JsonNode> values = new ArrayList<>();
    if (media.has("example")) {
      values.add(media.get("example"));
    }
    media.path("examples").forEach(e -> values.add(resolve(e).path("value")));
    return values;
  }

  @Test
  void everyExampleMatchesItsSchema() {
    ContractValidator validator = new ContractValidator();
    List<String> failures = new ArrayList<>();
    int[] checked = {0};
    forEachMediaType(
        (where, media) -> {
          for (JsonNode value : examples(media.getValue())) {
            checked[0]++;
            var errors = validator.validate(media.getValue().path("schema"), value.toString());
            if (!errors.isEmpty()) {
              failures.add(where + ": " + errors);
            }
          }
        });
    assertEquals(List.of(), failures);
    assertTrue(checked[0] >= 60, "only " + checked[0] + " examples checked");
    // An example that is not referenced anywhere is checked by nobody: there must be none.
    Set<String> unused = new TreeSet<>();
    SPEC.path("components").path("examples").fieldNames().forEachRemaining(unused::add);
    String text = SPEC.toString();
    unused.removeIf(name -> text.contains("#/components/examples/" + name + "\""));
    assertEquals(Set.of(), unused, "examples nobody refers to");
  }

  @Test
  void everyOperationShowsAnExampleRequestAndResponse() {
    List<String> missing = new ArrayList<>();
    forEachMediaType(
        (where, media) -> {
          boolean binary = "binary".equals(media.getValue().path("schema").path("format").asText());
          if (!binary && examples(media.getValue()).isEmpty()) {
            missing.add(where);
          }
        });
    assertEquals(List.of(), missing, "media types without an example");
  }

  @Test
  void everyIntegerSaysItsSizeAndIdsAndAmountsStayExactInJavaScript() {
    List<String> wrong = new ArrayList<>();
    integers(SPEC, "", wrong);
    assertEquals(List.of(), wrong);
  }

  private static void integers(JsonNode node, String where, List<String> wrong) {
    if (node.isObject()) {
      JsonNode type = node.path("type");
      boolean integer =
          type.asText().equals("integer")
              || (type.isArray() && type.toString().contains("\"integer\""));
      if (integer) {
        String format = node.path("format").asText();
        if (!format.equals("int32") && !format.equals("int64")) {
          wrong.add(where + ": an integer without format int32 or int64");
        } else if (!node.has("minimum") || !node.has("maximum")) {
          wrong.add(where + ": an integer without minimum and maximum");
        } else if (format.equals("int64") && node.get("maximum").asLong() > MAX_EXACT) {
          wrong.add(where + ": maximum above 2^53 - 1");
        } else if (format.equals("int32") && node.get("maximum").asLong() > Integer.MAX_VALUE) {
          wrong.add(where + ": int32 with a maximum above 2^31 - 1");
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        if (!e.getKey().equals("examples") && !e.getKey().equals("example")) {
          integers(e.getValue(), where + "/" + e.getKey(), wrong);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        integers(node.get(i), where + "[" + i + "]", wrong);
      }
    }
  }

  @Test
  void aLedgerEntrysReasonIsARefundOrCancellationReasonOrOneOfThePolicys() {
    Set<String> expected = new TreeSet<>();
    Stream.of(RefundReason.values()).map(RefundReason::wire).forEach(expected::add);
    Stream.of(CancellationReason.values()).map(CancellationReason::wire).forEach(expected::add);
    // ...and the two the return-option policy writes (ReturnPolicyService.REFUND_WITHOUT_RETURN,
    // POLICY_BREACH); the response checks of the HTTP tests catch a reason missing here.
    expected.add("refund_without_return");
    expected.add("policy_breach");
    Set<String> declared = new TreeSet<>();
    SPEC.at("/components/schemas/LedgerReason/enum").forEach(v -> declared.add(v.asText()));
    assertEquals(expected, declared);
    assertEquals(
        "#/components/schemas/LedgerReason",
        SPEC.at("/components/schemas/LedgerEntry/properties/reason/$ref").asText());
  }

  @Test
  void theTopicFilterIsEveryTopicPlusNone() {
    List<String> filter = new ArrayList<>();
    SPEC.at("/components/schemas/TicketTopicFilter/enum").forEach(v -> filter.add(v.asText()));
    List<String> expected = new ArrayList<>();
    SPEC.at("/components/schemas/TicketTopic/enum").forEach(v -> expected.add(v.asText()));
    expected.add("none");
    assertEquals(expected, filter);
  }

  @Test
  void theValidatorRefusesAnExampleThatBreaksItsSchema() {
    JsonNode schema = JSON.createObjectNode().put("$ref", "#/components/schemas/Money");
    ContractValidator validator = new ContractValidator();
    assertTrue(validator.validate(schema, "{\"amount\":500,\"currency\":\"EUR\"}").isEmpty());
    assertTrue(
        !validator.validate(schema, "{\"amount\":9007199254740992,\"currency\":\"EUR\"}").isEmpty(),
        "an amount above 2^53 - 1 must not validate");
  }
}
