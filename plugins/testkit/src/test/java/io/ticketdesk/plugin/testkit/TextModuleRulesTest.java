package io.ticketdesk.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.DefaultTextModule;
import io.ticketdesk.plugin.api.TextModuleSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TextModuleRulesTest {

  private static final DefaultTextModule GOOD =
      new DefaultTextModule(
          "return-label",
          "Rücksendeetikett",
          "Guten Tag {{buyer.name}}, Ihr Etikett: {{returnLabel.url}}",
          "prepaid_label");

  private static TextModuleSet set(String storefront, String locale, DefaultTextModule... modules) {
    return new TextModuleSet(storefront, locale, List.of(modules));
  }

  private static void assertProblem(List<String> problems, String expectedPart) {
    assertTrue(
        problems.stream().anyMatch(p -> p.contains(expectedPart)),
        () -> "expected a problem containing '" + expectedPart + "' in " + problems);
  }

  @Test
  void a_good_set_has_no_problems() {
    assertEquals(List.of(), TextModuleRules.problems(set("at", "de-AT", GOOD)));
    assertEquals(List.of(), TextModuleRules.problems(set("cz", "cs-CZ", GOOD)));
    // Another language for the storefront's country is fine.
    assertEquals(List.of(), TextModuleRules.problems(set("de", "en-DE", GOOD)));
  }

  @Test
  void an_unknown_storefront_or_a_locale_of_another_country_is_a_problem() {
    assertProblem(TextModuleRules.problems(set("uk", "en-GB", GOOD)), "storefront 'uk'");
    assertProblem(
        TextModuleRules.problems(set("at", "de-DE", GOOD)),
        "does not name the country of storefront 'at' (AT), e.g. de-AT");
    assertProblem(TextModuleRules.problems(set("de", "de", GOOD)), "(DE)");
    assertProblem(TextModuleRules.problems(set("de", "de_DE", GOOD)), "not a well-formed");
    assertProblem(TextModuleRules.problems(set("de", "x-private", GOOD)), "names no language");
  }

  @Test
  void keys_must_be_unique_and_well_formed() {
    DefaultTextModule spaced = new DefaultTextModule("return label", "n", "b", null);
    assertProblem(TextModuleRules.problems(set("de", "de-DE", GOOD, GOOD)), "more than once");
    assertProblem(TextModuleRules.problems(set("de", "de-DE", spaced)), "does not match");
  }

  @Test
  void names_longer_than_100_characters_are_a_problem() {
    DefaultTextModule at100 = DefaultTextModule.of("a", "n".repeat(100), "b");
    DefaultTextModule at101 = DefaultTextModule.of("a", "n".repeat(101), "b");
    assertEquals(List.of(), TextModuleRules.nameProblems(set("de", "de-DE", at100)));
    assertProblem(TextModuleRules.nameProblems(set("de", "de-DE", at101)), "longer than 100");
  }

  @Test
  void bodies_use_only_known_placeholders_well_formed_and_are_not_too_long() {
    assertEquals(List.of(), TextModuleRules.bodyProblems("x".repeat(10_000)));
    assertProblem(TextModuleRules.bodyProblems("x".repeat(10_001)), "longer than 10000");
    assertProblem(TextModuleRules.bodyProblems("Hi {{buyer.email}}"), "{{buyer.email}}");
    assertProblem(TextModuleRules.bodyProblems("Hi {{buyer.name}"), "malformed");
    assertProblem(TextModuleRules.bodyProblems("Hi }}"), "malformed");
    assertProblem(TextModuleRules.bodyProblems(" "), "blank");
    assertEquals(List.of(), TextModuleRules.bodyProblems("Hi {{ buyer.name }}"));
    assertEquals(
        Set.of("buyer.name", "order.number"),
        TextModuleRules.placeholders("{{order.number}} {{ buyer.name }} {{order.number}}"));
  }

  @Test
  void return_options_must_be_known_and_a_url_option_must_show_the_url() {
    DefaultTextModule unknown = new DefaultTextModule("a", "n", "b", "keep_it");
    DefaultTextModule urlWithoutUrl = new DefaultTextModule("a", "n", "b", "label_url");
    DefaultTextModule address =
        new DefaultTextModule("a", "n", "{{seller.returnAddress}}", "seller_address");
    assertProblem(TextModuleRules.returnOptionProblems(set("de", "de-DE", unknown)), "keep_it");
    assertProblem(
        TextModuleRules.returnOptionProblems(set("de", "de-DE", urlWithoutUrl)),
        "does not use {{returnLabel.url}}");
    assertEquals(List.of(), TextModuleRules.returnOptionProblems(set("de", "de-DE", address)));
  }
}
