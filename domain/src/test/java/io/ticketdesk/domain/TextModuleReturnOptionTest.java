package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextModuleReturnOptionTest {
  private static final Instant AT = Instant.parse("2026-02-10T09:00:00Z");

  private static void assertRefused(String field, String messagePart, Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(ErrorCode.VALIDATION, e.code());
    assertEquals(field, e.details().get("field"));
    assertTrue(e.getMessage().contains(messagePart), e.getMessage());
  }

  private static TextModule module(SellerId owner, String sourceKey, TextModuleReturnOption o) {
    return new TextModule(
        TextModuleId.of(1),
        owner,
        sourceKey,
        Storefront.DE,
        null,
        "Etikett",
        new TextModuleBody("{{returnLabel.url}}"),
        o,
        AT,
        AT,
        1);
  }

  @Test
  void aPrepaidLabelNamesItsCarrierAndBecomesAnOptionWithTheLabelMadeForIt() {
    TextModuleReturnOption o = TextModuleReturnOption.of("prepaid_label", "ticketdesk-pdf");
    assertTrue(o.makesLabel());
    assertEquals(
        new ReturnOption(ReturnOptionType.PREPAID_LABEL, 42L, null, null), o.toOption(42L));
  }

  @Test
  void theOtherTypesNeedNothingAndCarryNoCarrier() {
    for (String type : List.of("seller_address", "refund_without_return", "label_in_package")) {
      TextModuleReturnOption o = TextModuleReturnOption.of(type, null);
      assertFalse(o.makesLabel());
      assertEquals(ReturnOption.of(ReturnOptionType.of(type)), o.toOption(null));
      assertRefused(
          "returnOption.carrier",
          "prepaid_label option only",
          () -> TextModuleReturnOption.of(type, "ticketdesk-pdf"));
    }
  }

  @Test
  void aLabelUrlIsNeverKeptOnAModule() {
    assertRefused(
        "returnOption.type",
        "a label URL belongs to one ticket",
        () -> TextModuleReturnOption.of("label_url", null));
  }

  @Test
  void anUnknownOrMissingTypeIsRefusedListingTheValidOnes() {
    DomainException e =
        assertThrows(DomainException.class, () -> TextModuleReturnOption.of("keep_it", null));
    assertEquals("returnOption.type", e.details().get("field"));
    assertTrue(e.getMessage().contains("refund_without_return"), e.getMessage());
    assertRefused("returnOption.type", "is required", () -> new TextModuleReturnOption(null, null));
  }

  @Test
  void aCarrierNameIsOneThePluginHostAccepts() {
    assertRefused(
        "returnOption.carrier",
        "carrier name",
        () -> TextModuleReturnOption.of("prepaid_label", "DHL Express"));
    assertRefused(
        "returnOption.carrier",
        "carrier name",
        () -> TextModuleReturnOption.of("prepaid_label", "x".repeat(65)));
    assertEquals("a", TextModuleReturnOption.of("prepaid_label", "a").carrier());
  }

  @Test
  void aSellersPrepaidLabelModuleNamesACarrierAPluginDefaultMayNot() {
    TextModuleReturnOption withoutCarrier = TextModuleReturnOption.of("prepaid_label", null);
    assertRefused(
        "returnOption.carrier",
        "names the carrier",
        () -> module(SellerId.of(7), null, withoutCarrier));
    assertNull(module(null, "p:de:return-label", withoutCarrier).returnOption().carrier());
    assertEquals(
        "ticketdesk-pdf",
        module(SellerId.of(7), null, TextModuleReturnOption.of("prepaid_label", "ticketdesk-pdf"))
            .returnOption()
            .carrier());
    assertNull(module(SellerId.of(7), null, null).returnOption());
  }
}
