package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.ticketdesk.domain.SystemEventKind;
import io.ticketdesk.domain.TextParam;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** openapi.yaml lists every system event kind with exactly the parameters the domain gives it. */
class OpenApiSystemEventsTest {
  private static final JsonNode SCHEMAS = ContractValidator.SPEC.at("/components/schemas");

  @Test
  void everyKindIsListedWithItsParametersAndWhichAreRequired() {
    Map<String, JsonNode> byKind = new HashMap<>();
    for (JsonNode option : SCHEMAS.at("/SystemEvent/oneOf")) {
      if (option.has("$ref")) {
        JsonNode schema =
            SCHEMAS.get(option.get("$ref").asText().replace("#/components/schemas/", ""));
        byKind.put(schema.at("/properties/kind/enum/0").asText(), schema.at("/properties/params"));
      }
    }
    assertEquals(
        new TreeSet<>(
            java.util.Arrays.stream(SystemEventKind.values()).map(SystemEventKind::wire).toList()),
        new TreeSet<>(byKind.keySet()));
    for (SystemEventKind kind : SystemEventKind.values()) {
      JsonNode params = byKind.get(kind.wire());
      assertNotNull(params, kind.wire());
      Set<String> listed = new TreeSet<>();
      params.path("properties").fieldNames().forEachRemaining(listed::add);
      Set<String> required = new TreeSet<>();
      params.path("required").forEach(r -> required.add(r.asText()));
      assertEquals(
          kind.params().stream()
              .map(TextParam::name)
              .collect(Collectors.toCollection(TreeSet::new)),
          listed,
          kind.wire());
      assertEquals(
          kind.params().stream()
              .filter(p -> !p.optional())
              .map(TextParam::name)
              .collect(Collectors.toCollection(TreeSet::new)),
          required,
          kind.wire());
      assertEquals(false, params.path("additionalProperties").asBoolean(true), kind.wire());
    }
  }
}
