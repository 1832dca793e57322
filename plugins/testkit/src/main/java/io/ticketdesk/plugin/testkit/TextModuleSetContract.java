package io.ticketdesk.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.DefaultTextModule;
import io.ticketdesk.plugin.api.TextModuleSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every plugin's default text modules must keep, as JUnit 5 tests: one dynamic test
 * per set and rule, named after the set (e.g. {@code at (de-AT)}). Extend it in your plugin's tests
 * and supply the sets as your plugin returns them:
 *
 * <pre>{@code
 * class AcmeTextModulesContractTest extends TextModuleSetContract {
 *   @Override protected List<TextModuleSet> textModuleSets() {
 *     return new AcmePlugin().textModuleSets(PluginContext.of(Map.of()));
 *   }
 * }
 * }</pre>
 *
 * <p>The rules are those of {@link TextModuleRules}: the storefront is one of {@code de, at, cz,
 * sk, pl, fr, it}; the locale is a well-formed language tag whose region is the storefront's
 * country; keys are unique; names are non-blank and at most 100 characters; bodies are at most
 * 10,000 characters and use only the known placeholders; return options are known ones.
 *
 * @since 1.0
 */
public abstract class TextModuleSetContract {

  /**
   * The sets under test, as the plugin's {@code textModuleSets(PluginContext)} returns them.
   *
   * @since 1.0
   */
  protected abstract List<TextModuleSet> textModuleSets();

  @Test
  final void the_plugin_contributes_at_least_one_set_without_nulls() {
    List<TextModuleSet> sets = textModuleSets();
    assertNotNull(sets, "textModuleSets() returned null");
    assertFalse(sets.isEmpty(), "textModuleSets() returned no set");
    assertFalse(sets.stream().anyMatch(Objects::isNull), "textModuleSets() returned a null set");
  }

  @Test
  final void each_storefront_and_locale_has_one_set() {
    Set<String> seen = new HashSet<>();
    List<String> repeated = new ArrayList<>();
    for (TextModuleSet set : textModuleSets()) {
      if (!seen.add(label(set))) {
        repeated.add(label(set));
      }
    }
    assertEquals(List.of(), repeated, "more than one set for the same storefront and locale");
  }

  @TestFactory
  final Stream<DynamicTest> the_storefront_is_known_and_the_locale_matches_its_country() {
    return perSet(TextModuleRules::storefrontAndLocaleProblems);
  }

  @TestFactory
  final Stream<DynamicTest> keys_are_well_formed_and_unique() {
    return perSet(TextModuleRules::keyProblems);
  }

  @TestFactory
  final Stream<DynamicTest> names_are_non_blank_and_short() {
    return perSet(TextModuleRules::nameProblems);
  }

  @TestFactory
  final Stream<DynamicTest> bodies_are_short_and_use_only_known_placeholders() {
    return perSet(
        set -> {
          List<String> problems = new ArrayList<>();
          for (DefaultTextModule module : set.modules()) {
            TextModuleRules.bodyProblems(module.body())
                .forEach(p -> problems.add(module.key() + ": " + p));
          }
          return problems;
        });
  }

  @TestFactory
  final Stream<DynamicTest> return_options_are_known() {
    return perSet(TextModuleRules::returnOptionProblems);
  }

  private Stream<DynamicTest> perSet(Function<TextModuleSet, List<String>> rule) {
    List<TextModuleSet> sets = textModuleSets();
    assertTrue(sets != null && !sets.isEmpty(), "textModuleSets() returned no set");
    return sets.stream()
        .map(
            set ->
                DynamicTest.dynamicTest(
                    label(set), () -> assertEquals(List.of(), rule.apply(set), label(set))));
  }

  private static String label(TextModuleSet set) {
    return set.storefront() + " (" + set.localeTag() + ")";
  }
}
