package io.ticketdesk.plugin.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReturnLabelLimitsTest {

  @Test
  void aTrackingNumberIsOneTo64PrintableAsciiCharactersWithoutSpaces() {
    assertTrue(ReturnLabelLimits.isTrackingNumber("TD26020312345678901234"));
    assertTrue(ReturnLabelLimits.isTrackingNumber("!".repeat(64)));
    assertFalse(ReturnLabelLimits.isTrackingNumber(null));
    assertFalse(ReturnLabelLimits.isTrackingNumber(""));
    assertFalse(ReturnLabelLimits.isTrackingNumber("x".repeat(65)));
    assertFalse(ReturnLabelLimits.isTrackingNumber("TD 1"));
    assertFalse(ReturnLabelLimits.isTrackingNumber("TD\u00e91"));
    assertFalse(ReturnLabelLimits.isTrackingNumber("TD\u007f"));
  }

  @Test
  void aCarrierNameStartsWithALetterOrDigitAndHasAtMost64Characters() {
    assertTrue(ReturnLabelLimits.isCarrierName("dhl-de_2.0"));
    assertTrue(ReturnLabelLimits.isCarrierName("a".repeat(64)));
    assertFalse(ReturnLabelLimits.isCarrierName(null));
    assertFalse(ReturnLabelLimits.isCarrierName("-dhl"));
    assertFalse(ReturnLabelLimits.isCarrierName("a".repeat(65)));
    assertFalse(ReturnLabelLimits.isCarrierName("dhl de"));
  }
}
