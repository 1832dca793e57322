package io.ticketdesk.adapters.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.Storefront;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JollydayPublicHolidaysTest {
  private final JollydayPublicHolidays holidays = new JollydayPublicHolidays();

  @ParameterizedTest(name = "{0} {1} holiday={2}")
  @CsvSource({
    "de, 2026-04-03, true", // Good Friday
    "de, 2026-04-06, true", // Easter Monday
    "de, 2026-10-03, true", // German Unity Day
    "de, 2026-01-06, false", // Epiphany: regional (Bavaria, …), not national
    "de, 2026-10-31, false", // Reformation Day: regional (Saxony, …)
    "de, 2026-10-28, false",
    "cz, 2026-10-28, true", // Independent Czechoslovak State Day
    "pl, 2026-05-03, true", // Constitution Day
    "at, 2026-12-24, false", // Christmas Eve: an observance in Austria
    "at, 2026-12-08, true", // Immaculate Conception
    "fr, 2026-07-14, true",
    "it, 2026-06-02, true",
    "sk, 2026-08-29, true",
    "de, 2026-03-10, false"
  })
  void nationalPublicHolidaysOnly(String storefront, LocalDate date, boolean expected) {
    assertEquals(expected, holidays.isPublicHoliday(Storefront.of(storefront), date));
  }

  @Test
  void configuredDatesAreAddedAndRemovedPerStorefront() {
    var configured =
        new JollydayPublicHolidays(
            Map.of(Storefront.DE, Set.of(LocalDate.of(2026, 3, 10))),
            Map.of(Storefront.DE, Set.of(LocalDate.of(2026, 4, 6))));
    assertTrue(configured.isPublicHoliday(Storefront.DE, LocalDate.of(2026, 3, 10)));
    assertFalse(configured.isPublicHoliday(Storefront.AT, LocalDate.of(2026, 3, 10)));
    assertFalse(configured.isPublicHoliday(Storefront.DE, LocalDate.of(2026, 4, 6)));
    assertTrue(configured.isPublicHoliday(Storefront.AT, LocalDate.of(2026, 4, 6)));
  }

  @Test
  void theFingerprintChangesWithTheConfiguredDatesOnly() {
    String plain = holidays.fingerprint(2026, 2027);
    assertEquals(plain, new JollydayPublicHolidays().fingerprint(2026, 2027));
    var added =
        new JollydayPublicHolidays(
            Map.of(Storefront.CZ, Set.of(LocalDate.of(2026, 12, 31))), Map.of());
    assertFalse(plain.equals(added.fingerprint(2026, 2027)));
  }

  @ParameterizedTest(name = "{0} opened {1} local -> due {2} local")
  @CsvSource({
    "de, 2026-03-06T10:00, 2026-03-10T10:00",
    "de, 2026-04-02T10:00, 2026-04-08T10:00",
    "de, 2026-03-07T15:00, 2026-03-11T00:00",
    "cz, 2026-10-27T12:00, 2026-10-30T12:00",
    "de, 2026-10-27T12:00, 2026-10-29T12:00",
    "de, 2026-10-23T10:00, 2026-10-27T10:00",
    "sk, 2026-11-16T10:00, 2026-11-18T10:00"
  })
  void deadlinesWithTheRealCalendar(String storefront, LocalDateTime opened, LocalDateTime due) {
    Storefront sf = Storefront.of(storefront);
    Instant start = opened.atZone(sf.zone()).toInstant();
    assertEquals(
        due.atZone(sf.zone()).toInstant(), new ResponseDeadline(holidays).dueAt(sf, start));
  }

  @Test
  void endOfDaylightSavingTimeChangesNothingInTheWorkingHours() {
    Instant start =
        LocalDateTime.parse("2026-10-23T10:00").atZone(Storefront.DE.zone()).toInstant();
    assertEquals(
        Instant.parse("2026-10-27T09:00:00Z"),
        new ResponseDeadline(holidays).dueAt(Storefront.DE, start));
  }
}
