package io.ticketdesk.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FingerprintTest {
  @Test
  void aRefundsFingerprintIsTheOneItsKeyWasStoredWithBeforeMessagesHadKeys() {
    // Keys remembered before the fingerprint builder (and migrated by V10) must still replay: the
    // refund's values, each ended by a 0 byte, as the first version wrote them.
    assertEquals(
        "d30b598c6073b2903a5a50837ad0d308c459a38b21ba0cdf8a6240b7c47068b6",
        Fingerprint.of("refund")
            .add("seller")
            .add("00100000001")
            .add(11L)
            .add(100L)
            .add("CZK")
            .add("incomplete_delivery")
            .add("seller")
            .hex());
  }

  @Test
  void freeTextCannotPassForSeveralValuesNorForAnAbsentOne() {
    String joined = Fingerprint.of("message").text("a\0b").text("c").hex();

    assertNotEquals(joined, Fingerprint.of("message").text("a").text("b\0c").hex());
    assertNotEquals(
        Fingerprint.of("message").text(null).hex(), Fingerprint.of("message").text("-").hex());
    assertNotEquals(
        Fingerprint.of("message").text(null).hex(), Fingerprint.of("message").text("").hex());
    assertEquals(joined, Fingerprint.of("message").text("a\0b").text("c").hex());
  }

  @Test
  void theOperationIsPartOfTheFingerprint() {
    assertNotEquals(
        Fingerprint.of("refund").add(1L).hex(), Fingerprint.of("cancellation").add(1L).hex());
  }
}
