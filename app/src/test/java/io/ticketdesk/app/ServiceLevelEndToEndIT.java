package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Response deadlines through the real fat jar on the embedded database, with the clock started by
 * {@code TICKETDESK_CLOCK}, and their recomputation when the holiday configuration changes.
 */
class ServiceLevelEndToEndIT {
  private static final String ADMIN = "sl-admin-token";

  private static Map<String, String> env(Path dataDir, String clock, String holidaysAdd) {
    Map<String, String> env = new HashMap<>();
    env.put("TICKETDESK_DATA_DIR", dataDir.toString());
    env.put("TICKETDESK_ADMIN_TOKEN", ADMIN);
    env.put("TICKETDESK_CLOCK", clock);
    if (holidaysAdd != null) {
      env.put("TICKETDESK_HOLIDAYS_ADD", holidaysAdd);
    }
    return env;
  }

  private static String setUpSellerAndBuyer(RunningJar jar) throws Exception {
    long seller =
        jar.call(
                "POST",
                "/api/v1/sellers",
                ADMIN,
                """
                {"name":"Deadline GmbH","storefronts":["de","cz"],
                 "returnAddress":{"name":"Returns","street":"Hafenstraße 1","postalCode":"20457",
                                  "city":"Hamburg","country":"DE"}}
                """,
                201)
            .get("sellerId")
            .asLong();
    feed(jar, "DL1", seller, "de", "EUR", 910001);
    feed(jar, "DL2", seller, "cz", "CZK", 910002);
    return jar.call("POST", "/api/v1/tokens", ADMIN, "{\"role\":\"buyer\",\"buyerId\":4242}", 201)
        .get("token")
        .asText();
  }

  private static void feed(
      RunningJar jar, String number, long seller, String sf, String currency, long unit)
      throws Exception {
    jar.call(
        "POST",
        "/api/v1/orders",
        ADMIN,
        """
        {"orderNumber":"%s","storefront":"%s","sellerId":%d,"orderedAt":"2026-01-05T10:00:00Z",
         "buyer":{"buyerId":4242,"name":"Jana Nováková","email":"jana@example.com"},
         "units":[{"orderUnitId":%d,"title":"Lamp","ean":"4006381333931",
                   "price":{"amount":4999,"currency":"%s"},"state":"received"}]}
        """
            .formatted(number, sf, seller, unit, currency),
        201);
  }

  private static JsonNode open(RunningJar jar, String buyer, long unit) throws Exception {
    return jar.call(
        "POST",
        "/api/v1/tickets",
        buyer,
        "{\"orderUnitIds\":[" + unit + "],\"reason\":\"product_defect\",\"message\":\"Broken.\"}",
        201);
  }

  /** The deadline relative to the opening (the started clock ticks on, a few seconds at most). */
  private static Duration dueAfterOpening(JsonNode ticket) {
    return Duration.between(
        Instant.parse(ticket.get("createdAt").asText()),
        Instant.parse(ticket.get("responseDueAt").asText()));
  }

  @Test
  void fridayToTuesdayAndRecomputedWhenAHolidayIsConfigured() throws Exception {
    Path data = Files.createTempDirectory("td-sl");
    String number;
    // de, Friday 2026-03-06 10:00 Berlin (09:00 UTC) → due Tuesday 10:00 Berlin.
    try (RunningJar jar = new RunningJar(env(data, "2026-03-06T09:00:00Z", null))) {
      String buyer = setUpSellerAndBuyer(jar);
      JsonNode ticket = open(jar, buyer, 910001);
      number = ticket.get("ticketNumber").asText();
      assertTrue(
          ticket.get("responseDueAt").asText().startsWith("2026-03-10T09:00"), ticket.toString());
      assertEquals(Duration.ofDays(4), dueAfterOpening(ticket));
    }
    // The operator declares Monday 2026-03-09 a holiday on de: the open ticket's deadline moves.
    try (RunningJar jar = new RunningJar(env(data, "2026-03-06T09:05:00Z", "de:2026-03-09"))) {
      String buyer =
          jar.call("POST", "/api/v1/tokens", ADMIN, "{\"role\":\"buyer\",\"buyerId\":4242}", 201)
              .get("token")
              .asText();
      JsonNode ticket = jar.call("GET", "/api/v1/tickets/" + number, buyer, null, 200);
      assertEquals(Duration.ofDays(5), dueAfterOpening(ticket));
      assertTrue(jar.output().contains("recomputed the deadlines of 1 open tickets"), jar.output());
    }
  }

  @Test
  void theCzechStateHolidayCountsOnCzButNotOnDe() throws Exception {
    // Tuesday 2026-10-27 12:00 Prague = 11:00 UTC; 28 October is a holiday in Czechia only.
    try (RunningJar jar =
        new RunningJar(env(Files.createTempDirectory("td-sl"), "2026-10-27T11:00:00Z", null))) {
      String buyer = setUpSellerAndBuyer(jar);
      JsonNode cz = open(jar, buyer, 910002);
      JsonNode de = open(jar, buyer, 910001);
      assertTrue(cz.get("responseDueAt").asText().startsWith("2026-10-30T11:00"), cz.toString());
      assertTrue(de.get("responseDueAt").asText().startsWith("2026-10-29T11:00"), de.toString());
    }
  }

  @Test
  void slovakiasSeventeenNovemberIsAWorkingDayUnlessTheOperatorSaysOtherwise() throws Exception {
    // Monday 2026-11-16 10:00 Bratislava = 09:00 UTC: due Wednesday 18 November 10:00, not
    // Thursday (jollyday still counts 17 November, which the law no longer gives off).
    for (String add : new String[] {null, "sk:2026-11-17"}) {
      try (RunningJar jar =
          new RunningJar(env(Files.createTempDirectory("td-sl"), "2026-11-16T09:00:00Z", add))) {
        long seller =
            jar.call(
                    "POST",
                    "/api/v1/sellers",
                    ADMIN,
                    """
                    {"name":"Bratislava s.r.o.","storefronts":["sk"],
                     "returnAddress":{"name":"Returns","street":"Hlavná 1","postalCode":"81101",
                                      "city":"Bratislava","country":"SK"}}
                    """,
                    201)
                .get("sellerId")
                .asLong();
        feed(jar, "SK1", seller, "sk", "EUR", 910003);
        String buyer =
            jar.call("POST", "/api/v1/tokens", ADMIN, "{\"role\":\"buyer\",\"buyerId\":4242}", 201)
                .get("token")
                .asText();
        JsonNode ticket = open(jar, buyer, 910003);
        String due = add == null ? "2026-11-18T09:00" : "2026-11-19T09:00";
        assertTrue(ticket.get("responseDueAt").asText().startsWith(due), ticket.toString());
      }
    }
  }
}
