package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextModuleBodyTest {
  @Test
  void knownPlaceholdersAreFoundWithOrWithoutSpaces() {
    var body = new TextModuleBody("Hi {{buyer.name}}, {{ order.number }} / {{buyer.name}}");
    assertEquals(EnumSet.of(Placeholder.BUYER_NAME, Placeholder.ORDER_NUMBER), body.placeholders());
  }

  @Test
  void unknownPlaceholdersAreRefusedAndNamed() {
    var e =
        assertThrows(
            DomainException.class, () -> new TextModuleBody("{{buyer.name}} {{foo}} {{bar.baz}}"));
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals(List.of("foo", "bar.baz"), e.details().get("unknownPlaceholders"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hi {{buyer.name}", "Hi {buyer.name}} there", "{{", "a }} b", " ", ""})
  void malformedOrEmptyBodiesAreRefused(String text) {
    assertEquals(
        ErrorCode.VALIDATION,
        assertThrows(DomainException.class, () -> new TextModuleBody(text)).code());
  }

  @Test
  void bodiesAreLimitedTo10000Characters() {
    new TextModuleBody("x".repeat(10_000));
    assertThrows(DomainException.class, () -> new TextModuleBody("x".repeat(10_001)));
  }

  @Test
  void valuesAreInsertedLiterallyInOnePass() {
    var body = new TextModuleBody("{{buyer.name}} ordered {{order.number}}");
    assertEquals(
        "{{order.number}} $1 \\ ordered MQ8",
        body.render(
            Map.of(
                Placeholder.BUYER_NAME,
                "{{order.number}} $1 \\",
                Placeholder.ORDER_NUMBER,
                "MQ8")));
  }

  @Test
  void aMissingOrBlankValueIsRefusedNamingEveryPlaceholder() {
    var body = new TextModuleBody("{{returnLabel.url}} {{buyer.name}} {{seller.name}}");
    var e =
        assertThrows(
            DomainException.class,
            () -> body.render(Map.of(Placeholder.BUYER_NAME, " ", Placeholder.SELLER_NAME, "S")));
    assertEquals(ErrorCode.PLACEHOLDER_UNFILLED, e.code());
    assertEquals(List.of("buyer.name", "returnLabel.url"), e.details().get("placeholders"));
  }
}
