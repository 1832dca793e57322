package io.ticketdesk.plugins.textmodules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.DefaultTextModule;
import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.TextModuleSet;
import io.ticketdesk.plugin.host.PluginHost;
import io.ticketdesk.plugin.testkit.TextModuleRules;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextModulesPluginTest {

  private static final List<String> KEYS =
      List.of("return-label", "delivery-delay", "missing-parts", "invoice", "customer-service");

  private static Map<String, TextModuleSet> byStorefront() {
    Map<String, TextModuleSet> sets = new LinkedHashMap<>();
    for (TextModuleSet set : new TextModulesPlugin().textModuleSets(PluginContext.of(Map.of()))) {
      sets.put(set.storefront(), set);
    }
    return sets;
  }

  private static DefaultTextModule module(TextModuleSet set, String key) {
    return set.modules().stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void there_is_one_set_per_storefront_in_its_locale() {
    Map<String, String> locales =
        byStorefront().values().stream()
            .collect(Collectors.toMap(TextModuleSet::storefront, TextModuleSet::localeTag));
    assertEquals(
        Map.of(
            "de", "de-DE",
            "at", "de-AT",
            "cz", "cs-CZ",
            "sk", "sk-SK",
            "pl", "pl-PL",
            "fr", "fr-FR",
            "it", "it-IT"),
        locales);
    assertEquals(7, new TextModulesPlugin().textModuleSets(PluginContext.of(Map.of())).size());
  }

  @Test
  void every_storefront_has_the_same_five_stable_keys_and_distinct_names() {
    byStorefront()
        .forEach(
            (storefront, set) -> {
              assertTrue(set.modules().size() >= 5, storefront);
              assertEquals(
                  KEYS, set.modules().stream().map(DefaultTextModule::key).toList(), storefront);
              Set<String> names = new HashSet<>();
              set.modules().forEach(m -> assertTrue(names.add(m.name()), storefront + m.name()));
            });
  }

  @Test
  void the_return_label_module_offers_a_prepaid_label_with_its_url_and_tracking_number() {
    byStorefront()
        .forEach(
            (storefront, set) -> {
              DefaultTextModule returnLabel = module(set, "return-label");
              assertEquals("prepaid_label", returnLabel.returnOptionType(), storefront);
              assertTrue(
                  TextModuleRules.placeholders(returnLabel.body())
                      .containsAll(
                          Set.of(
                              "buyer.name",
                              "order.number",
                              "returnLabel.url",
                              "returnLabel.trackingNumber")),
                  storefront);
              // The URL stands on a line of its own, so that mail clients make it clickable.
              assertTrue(returnLabel.body().contains("\n{{returnLabel.url}}\n"), storefront);
            });
  }

  @Test
  void only_the_return_label_module_carries_a_return_option() {
    byStorefront()
        .forEach(
            (storefront, set) ->
                set.modules().stream()
                    .filter(m -> !m.key().equals("return-label"))
                    .forEach(m -> assertEquals(null, m.returnOptionType(), storefront + m.key())));
  }

  @Test
  void every_body_uses_only_known_placeholders_greets_the_buyer_and_signs_as_the_seller() {
    byStorefront()
        .forEach(
            (storefront, set) ->
                set.modules()
                    .forEach(
                        m -> {
                          String where = storefront + "/" + m.key();
                          assertEquals(List.of(), TextModuleRules.bodyProblems(m.body()), where);
                          assertTrue(
                              TextModuleRules.KNOWN_PLACEHOLDERS.containsAll(
                                  TextModuleRules.placeholders(m.body())),
                              where);
                          String firstLine = m.body().lines().findFirst().orElseThrow();
                          assertTrue(firstLine.contains("{{buyer.name}}"), where);
                          assertTrue(m.body().endsWith("\n{{seller.name}}"), where);
                          assertTrue(!m.body().contains("  "), where + " has double spaces");
                        }));
  }

  /** A word each storefront's texts use throughout, so a set is not another language's copy. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "de, Guten Tag, Bestellung",
    "at, Grüß Gott, Bestellung",
    "cz, Dobrý den, objednáv",
    "sk, Dobrý deň, objednávk",
    "pl, Dzień dobry, zamówieni",
    "fr, Bonjour, commande",
    "it, Gentile, ordine",
  })
  void every_text_is_in_the_storefronts_language(String storefront, String greeting, String order) {
    TextModuleSet set = byStorefront().get(storefront);
    for (DefaultTextModule m : set.modules()) {
      assertTrue(m.body().startsWith(greeting), storefront + "/" + m.key());
      assertTrue(m.body().contains(order), storefront + "/" + m.key());
    }
  }

  @Test
  void german_and_austrian_texts_differ_and_no_two_storefronts_share_a_body() {
    Map<String, TextModuleSet> sets = byStorefront();
    assertNotEquals(
        module(sets.get("de"), "return-label").body(),
        module(sets.get("at"), "return-label").body());
    List<String> bodies =
        sets.values().stream()
            .flatMap(s -> s.modules().stream())
            .map(DefaultTextModule::body)
            .toList();
    assertEquals(bodies.size(), new HashSet<>(bodies).size());
  }

  @Test
  void the_locales_language_matches_the_texts() {
    Function<String, String> language =
        storefront ->
            Locale.forLanguageTag(byStorefront().get(storefront).localeTag()).getLanguage();
    assertEquals("de", language.apply("at"));
    assertEquals("cs", language.apply("cz"));
    assertEquals("sk", language.apply("sk"));
  }

  @Test
  void the_host_loads_the_plugin_from_the_class_path() {
    try (PluginHost host =
        PluginHost.builder().callTimeout(Duration.ofSeconds(10)).pluginsDirectory(null).load()) {
      assertEquals(List.of(), host.rejected());
      assertTrue(
          host.plugins().stream().anyMatch(p -> p.name().equals(TextModulesPlugin.NAME)),
          host.plugins()::toString);
      assertEquals(7, host.textModuleSets().size());
      assertEquals(List.of(), host.carriers());
    }
  }
}
