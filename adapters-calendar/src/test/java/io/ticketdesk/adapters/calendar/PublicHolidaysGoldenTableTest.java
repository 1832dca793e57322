package io.ticketdesk.adapters.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.Storefront;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The calendar against a golden table of every storefront's public holidays 2026-2028, and the
 * golden table against an independent reference list: every difference carries a note.
 */
class PublicHolidaysGoldenTableTest {
  private static final JollydayPublicHolidays CALENDAR = new JollydayPublicHolidays();

  /** country date → note ("" when the row agrees with the reference). */
  private static Map<String, String> rows(String resource) {
    try (InputStream in = PublicHolidaysGoldenTableTest.class.getResourceAsStream(resource)) {
      Map<String, String> rows = new TreeMap<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        rows.put(c[0] + " " + c[1], c.length > 3 ? c[3] : "");
      }
      return rows;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> golden(Storefront sf) {
    String country = sf.country().toLowerCase(Locale.ROOT);
    Set<String> dates = new TreeSet<>();
    rows("public-holidays-2026-2028.tsv").keySet().stream()
        .filter(k -> k.startsWith(country + " "))
        .forEach(k -> dates.add(k.substring(3)));
    return dates;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Storefront.class)
  void theCalendarCountsExactlyTheGoldenTablesHolidays(Storefront sf) {
    Set<String> counted = new TreeSet<>();
    for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() <= 2028; d = d.plusDays(1)) {
      if (CALENDAR.isPublicHoliday(sf, d)) {
        counted.add(d.toString());
      }
    }
    assertEquals(golden(sf), counted);
  }

  @Test
  void theGoldenTableDiffersFromTheReferenceOnlyWhereANoteSaysWhy() {
    Map<String, String> golden = rows("public-holidays-2026-2028.tsv");
    Map<String, String> reference = rows("reference-public-holidays-2026-2028.tsv");
    for (String key : reference.keySet()) {
      assertTrue(golden.containsKey(key), "the golden table drops " + key + " of the reference");
    }
    golden.forEach(
        (key, note) ->
            assertEquals(
                reference.containsKey(key),
                note.isEmpty(),
                key + ": a row differs from the reference exactly when it carries a note"));
    // The differences that matter for working days are only Slovakia's 8 May and 15 September
    // after 2026 (our reading: suspended for 2026 only); the others fall on Sundays.
    golden.forEach(
        (key, note) -> {
          if (!note.isEmpty()
              && !key.startsWith("sk 2027-05-08")
              && !key.startsWith("sk 2028-05-08")
              && !key.startsWith("sk 2027-09-15")
              && !key.startsWith("sk 2028-09-15")) {
            assertEquals(
                java.time.DayOfWeek.SUNDAY, LocalDate.parse(key.substring(3)).getDayOfWeek(), key);
          }
        });
  }

  @Test
  void slovakiaWorksOnTheDaysTheLawNoLongerGivesOff() {
    for (String day : new String[] {"2026-05-08", "2026-09-15", "2026-11-17", "2027-11-17"}) {
      assertFalse(CALENDAR.isPublicHoliday(Storefront.SK, LocalDate.parse(day)), day);
    }
    assertTrue(CALENDAR.isPublicHoliday(Storefront.SK, LocalDate.parse("2026-08-29")));
    assertTrue(CALENDAR.isPublicHoliday(Storefront.SK, LocalDate.parse("2027-05-08")));
    // The library itself still counts them: the correction is ours.
    assertTrue(CALENDAR.nationalHolidays(Storefront.SK, 2026).contains(LocalDate.of(2026, 11, 17)));
  }

  @Test
  void anSkTicketOpenedMondayBeforeSeventeenNovemberIsDueWednesday() {
    Storefront sk = Storefront.SK;
    var start = LocalDateTime.parse("2026-11-16T10:00").atZone(sk.zone()).toInstant();
    assertEquals(
        LocalDateTime.parse("2026-11-18T10:00").atZone(sk.zone()).toInstant(),
        new ResponseDeadline(CALENDAR).dueAt(sk, start));
  }

  @Test
  void anOperatorOverridesTheShippedCorrectionsBothWays() {
    var keep2027Off =
        new JollydayPublicHolidays(
            Map.of(Storefront.SK, Set.of(LocalDate.of(2026, 11, 17))),
            Map.of(Storefront.SK, Set.of(LocalDate.of(2027, 5, 8), LocalDate.of(2027, 9, 15))));
    assertTrue(keep2027Off.isPublicHoliday(Storefront.SK, LocalDate.of(2026, 11, 17)));
    assertFalse(keep2027Off.isPublicHoliday(Storefront.SK, LocalDate.of(2027, 5, 8)));
    assertFalse(keep2027Off.isPublicHoliday(Storefront.SK, LocalDate.of(2027, 9, 15)));
  }

  @Test
  void everyShippedCorrectionNamesItsLegalSource() {
    var corrections = HolidayCorrections.shipped().all();
    assertEquals(3, corrections.size());
    corrections.forEach(c -> assertTrue(c.source().contains("Act No. 241/1993"), c.toString()));
  }
}
