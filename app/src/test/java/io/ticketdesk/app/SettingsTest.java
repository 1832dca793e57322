package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SettingsTest {
  private static Settings settings(String... args) {
    return CommandLine.populateCommand(new Settings(), args);
  }

  @Test
  void idempotencyKeysAreKept24HoursUnlessConfigured() {
    if (System.getenv("TICKETDESK_IDEMPOTENCY_RETENTION") == null) {
      assertEquals(Duration.ofHours(24), settings().idempotencyRetention());
    }
    assertEquals(
        Duration.ofHours(48), settings("--idempotency-retention", "P2D").idempotencyRetention());
    assertEquals(
        Duration.ofMinutes(90), settings("--idempotency-retention", "90m").idempotencyRetention());
    assertEquals(
        Duration.ofHours(24), settings("--idempotency-retention", " ").idempotencyRetention());
  }

  @Test
  void durationsAreIsoOrANumberWithAUnit() {
    assertEquals(Duration.ofHours(24), Settings.duration("PT24H", "X", "e.g."));
    assertEquals(Duration.ofHours(24), Settings.duration(" pt24h ", "X", "e.g."));
    assertEquals(Duration.ofMillis(500), Settings.duration("500ms", "X", "e.g."));
    assertEquals(Duration.ofSeconds(10), Settings.duration("10s", "X", "e.g."));
    assertEquals(Duration.ofSeconds(10), Settings.duration("10", "X", "e.g."));
    assertEquals(Duration.ofHours(36), Settings.duration("36h", "X", "e.g."));
    assertEquals(Duration.ofDays(2), Settings.duration("2d", "X", "e.g."));
  }

  @Test
  void aDurationThatIsNotPositiveOrNotReadableIsRefusedNamingTheVariable() {
    for (String bad : new String[] {"0", "PT0S", "-5s", "PT-1H", "24 hours", "h", "PT"}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> settings("--idempotency-retention", bad).idempotencyRetention(),
              bad);
      assertTrue(e.getMessage().startsWith("TICKETDESK_IDEMPOTENCY_RETENTION must be"), bad);
    }
  }
}
