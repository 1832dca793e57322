package io.ticketdesk.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.domain.Placeholder;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModule;
import io.ticketdesk.domain.TextModuleBody;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The testkit copies the core's rules because plugins must not depend on the domain; this test (the
 * only place that sees both) fails when the copies drift.
 */
class RulesMatchTheDomainTest {

  @Test
  void the_known_placeholders_are_the_domains() {
    Set<String> domain =
        Arrays.stream(Placeholder.values()).map(Placeholder::key).collect(Collectors.toSet());
    assertEquals(domain, TextModuleRules.KNOWN_PLACEHOLDERS);
  }

  @Test
  void the_storefronts_and_their_countries_are_the_domains() {
    Map<String, String> domain =
        Arrays.stream(Storefront.values())
            .collect(Collectors.toMap(Storefront::code, Storefront::country));
    assertEquals(domain, TextModuleRules.STOREFRONT_COUNTRIES);
  }

  @Test
  void the_length_limits_are_the_domains() {
    assertEquals(TextModule.MAX_NAME_LENGTH, TextModuleRules.MAX_NAME_LENGTH);
    assertEquals(TextModuleBody.MAX_LENGTH, TextModuleRules.MAX_BODY_LENGTH);
  }

  @Test
  void a_body_the_testkit_accepts_the_domain_accepts_and_vice_versa() {
    for (String body :
        new String[] {
          "Hallo {{buyer.name}}, Bestellung {{ order.number }}.",
          "Etikett: {{returnLabel.url}} ({{returnLabel.trackingNumber}})",
          "Unbekannt: {{buyer.email}}",
          "Kaputt: {{buyer.name}",
          "Kaputt: }} {{buyer.name}}",
        }) {
      boolean domainAccepts;
      try {
        new TextModuleBody(body);
        domainAccepts = true;
      } catch (RuntimeException e) {
        domainAccepts = false;
      }
      assertEquals(domainAccepts, TextModuleRules.bodyProblems(body).isEmpty(), body);
    }
  }
}
