package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The 48-working-hour response deadline, with hand-written holiday calendars. */
class ResponseDeadlineTest {

  /** Holidays given as {@code sf:date} pairs separated by spaces. */
  static PublicHolidays calendar(String spec) {
    if (spec == null || spec.isBlank()) {
      return PublicHolidays.none();
    }
    var entries =
        Arrays.stream(spec.trim().split("\\s+"))
            .map(e -> e.split(":"))
            .map(p -> Storefront.of(p[0]).code() + "|" + LocalDate.parse(p[1]))
            .collect(java.util.stream.Collectors.toSet());
    return (sf, date) -> entries.contains(sf.code() + "|" + date);
  }

  static Instant local(Storefront sf, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(sf.zone()).toInstant();
  }

  @Nested
  @DisplayName("The due time")
  class DueTime {
    @ParameterizedTest(name = "{0} opened {1} (holidays: {2}) is due {3} local = {4}")
    @CsvSource(
        nullValues = "-",
        textBlock =
            """
            # storefront, opened (local), holidays,                      due (local),       due (UTC)
            de, 2026-03-06T10:00, -,                                     2026-03-10T10:00, 2026-03-10T09:00:00Z
            de, 2026-04-02T10:00, de:2026-04-03 de:2026-04-06,           2026-04-08T10:00, 2026-04-08T08:00:00Z
            de, 2026-03-07T15:30, -,                                     2026-03-11T00:00, 2026-03-10T23:00:00Z
            de, 2026-03-08T23:59, -,                                     2026-03-11T00:00, 2026-03-10T23:00:00Z
            cz, 2026-10-27T12:00, cz:2026-10-28,                         2026-10-30T12:00, 2026-10-30T11:00:00Z
            de, 2026-10-27T12:00, cz:2026-10-28,                         2026-10-29T12:00, 2026-10-29T11:00:00Z
            de, 2026-10-23T10:00, -,                                     2026-10-27T10:00, 2026-10-27T09:00:00Z
            de, 2026-03-02T00:00, -,                                     2026-03-04T00:00, 2026-03-03T23:00:00Z
            de, 2026-03-05T00:00, -,                                     2026-03-09T00:00, 2026-03-08T23:00:00Z
            de, 2026-03-06T00:00, de:2026-03-09,                         2026-03-11T00:00, 2026-03-10T23:00:00Z
            de, 2026-03-06T10:00, de:2026-03-09 de:2026-03-10,           2026-03-12T10:00, 2026-03-12T09:00:00Z
            de, 2026-12-23T16:45, de:2026-12-25 de:2026-12-26,           2026-12-28T16:45, 2026-12-28T15:45:00Z
            pl, 2026-03-27T09:15, -,                                     2026-03-31T09:15, 2026-03-31T07:15:00Z
            it, 2026-06-01T08:00, it:2026-06-02,                         2026-06-04T08:00, 2026-06-04T06:00:00Z
            fr, 2026-07-13T18:00, fr:2026-07-14,                         2026-07-16T18:00, 2026-07-16T16:00:00Z
            """)
    void isFortyEightWorkingHoursLater(
        String storefront, String opened, String holidays, String dueLocal, String dueUtc) {
      Storefront sf = Storefront.of(storefront);
      ResponseDeadline deadline = new ResponseDeadline(calendar(holidays));
      Instant due = deadline.dueAt(sf, local(sf, opened));
      assertEquals(Instant.parse(dueUtc), due);
      assertEquals(LocalDateTime.parse(dueLocal), LocalDateTime.ofInstant(due, sf.zone()));
    }

    @Test
    void dependsOnTheStorefrontsHolidaysForTheSameInstant() {
      ResponseDeadline deadline = new ResponseDeadline(calendar("cz:2026-10-28"));
      Instant opened = Instant.parse("2026-10-27T11:00:00Z");
      assertEquals(Instant.parse("2026-10-30T11:00:00Z"), deadline.dueAt(Storefront.CZ, opened));
      assertEquals(Instant.parse("2026-10-29T11:00:00Z"), deadline.dueAt(Storefront.DE, opened));
    }

    @Test
    void keepsSubSecondPrecision() {
      ResponseDeadline deadline = new ResponseDeadline(PublicHolidays.none());
      Instant opened = Instant.parse("2026-03-02T09:00:00.123456Z");
      assertEquals(
          Instant.parse("2026-03-04T09:00:00.123456Z"), deadline.dueAt(Storefront.DE, opened));
    }

    @Test
    void refusesAMissingStorefrontOrStart() {
      ResponseDeadline deadline = new ResponseDeadline(PublicHolidays.none());
      assertThrows(NullPointerException.class, () -> deadline.dueAt(null, Instant.EPOCH));
      assertThrows(NullPointerException.class, () -> deadline.dueAt(Storefront.DE, null));
      assertThrows(NullPointerException.class, () -> new ResponseDeadline(null));
    }

    @Test
    void givesUpOnACalendarWithoutWorkingDays() {
      ResponseDeadline deadline = new ResponseDeadline((sf, date) -> true);
      assertThrows(
          IllegalStateException.class,
          () -> deadline.dueAt(Storefront.DE, Instant.parse("2026-03-02T09:00:00Z")));
    }
  }

  @Nested
  @DisplayName("Working days and working time")
  class WorkingTime {
    final ResponseDeadline deadline = new ResponseDeadline(calendar("de:2026-04-03 de:2026-04-06"));

    @ParameterizedTest
    @CsvSource({
      "de, 2026-04-02, true",
      "de, 2026-04-03, false",
      "cz, 2026-04-03, true",
      "de, 2026-04-04, false",
      "de, 2026-04-05, false",
      "de, 2026-04-06, false",
      "at, 2026-04-06, true",
      "de, 2026-04-07, true"
    })
    void isWorkingDayExcludesWeekendsAndTheStorefrontsHolidays(
        String sf, String date, boolean working) {
      assertEquals(working, deadline.isWorkingDay(Storefront.of(sf), LocalDate.parse(date)));
    }

    @Test
    void countsOnlyWorkingDaysInTheStorefrontZone() {
      Storefront de = Storefront.DE;
      assertEquals(
          Duration.ofHours(48),
          deadline.workingTimeBetween(
              de, local(de, "2026-04-02T10:00"), local(de, "2026-04-08T10:00")));
      assertEquals(
          Duration.ofHours(14),
          deadline.workingTimeBetween(
              de, local(de, "2026-04-02T10:00"), local(de, "2026-04-07T00:00")));
      assertEquals(
          Duration.ZERO,
          deadline.workingTimeBetween(
              de, local(de, "2026-04-04T00:00"), local(de, "2026-04-07T00:00")));
      assertEquals(
          Duration.ofMinutes(90),
          deadline.workingTimeBetween(
              de, local(de, "2026-04-07T08:00"), local(de, "2026-04-07T09:30")));
    }

    @Test
    void isZeroWhenTheEndIsNotAfterTheStart() {
      Instant t = Instant.parse("2026-04-07T08:00:00Z");
      assertEquals(Duration.ZERO, deadline.workingTimeBetween(Storefront.DE, t, t));
      assertEquals(Duration.ZERO, deadline.workingTimeBetween(Storefront.DE, t, t.minusSeconds(1)));
    }

    @ParameterizedTest(name = "due {1}, now {2}: {3} left")
    @CsvSource({
      // Friday afternoon, due Tuesday: the weekend does not count (96 wall-clock hours, 48 working)
      "de, 2026-03-10T15:00, 2026-03-06T15:00, PT48H",
      // over Easter (Good Friday and Easter Monday are the calendar's holidays): 14 h on Thursday
      "de, 2026-04-07T00:00, 2026-04-02T10:00, PT14H",
      // on a weekend before a deadline at the start of Monday: no working time is left
      "de, 2026-03-09T00:00, 2026-03-07T12:00, PT0S",
      // overdue since Friday 16:00, now Monday 10:00: 8 h Friday plus 10 h Monday overrun
      "de, 2026-04-10T16:00, 2026-04-13T10:00, PT-18H",
      // exactly at the deadline
      "de, 2026-03-10T15:00, 2026-03-10T15:00, PT0S",
    })
    void workingTimeLeftCountsWorkingHoursOnlyAndTurnsNegativeOnceOverdue(
        String sf, String due, String now, String left) {
      Storefront storefront = Storefront.of(sf);
      assertEquals(
          Duration.parse(left),
          deadline.workingTimeLeft(storefront, local(storefront, due), local(storefront, now)));
    }

    @Test
    void countsWallClockHoursAcrossTheChangeToWinterTime() {
      Storefront de = Storefront.DE;
      Instant from = local(de, "2026-10-23T10:00");
      Instant to = local(de, "2026-10-27T10:00");
      assertEquals(Duration.ofHours(97), Duration.between(from, to));
      assertEquals(Duration.ofHours(48), deadline.workingTimeBetween(de, from, to));
    }
  }

  /** 2,000 seeds; each builds a random start, storefront and holiday calendar. */
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 2_000);
  }

  private static final Instant RANGE_START = Instant.parse("2025-01-01T00:00:00Z");
  private static final long RANGE_SECONDS =
      Duration.between(RANGE_START, Instant.parse("2031-01-01T00:00:00Z")).getSeconds();

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("Property: due lies exactly 48 working hours after the start, on a working day")
  void dueIsExactly48WorkingHoursAfterTheStart(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Storefront sf = Storefront.values()[random.nextInt(Storefront.values().length)];
    Instant start =
        RANGE_START
            .plusSeconds(random.nextLong(RANGE_SECONDS))
            .plus(random.nextLong(1_000_000), ChronoUnit.MICROS);
    int shape = random.nextInt(10);
    if (shape == 0) { // exactly the start of a local day
      start =
          LocalDateTime.ofInstant(start, sf.zone())
              .toLocalDate()
              .atStartOfDay(sf.zone())
              .toInstant();
    } else if (shape == 1) { // the last microsecond of a local day
      start =
          LocalDateTime.ofInstant(start, sf.zone())
              .toLocalDate()
              .plusDays(1)
              .atStartOfDay(sf.zone())
              .toInstant()
              .minus(1, ChronoUnit.MICROS);
    }
    int percent = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 45);
    long salt = random.nextLong();
    PublicHolidays holidays =
        (storefront, date) ->
            new SplittableRandom(
                        salt ^ (date.toEpochDay() * 0x9E3779B97F4A7C15L) ^ storefront.ordinal())
                    .nextInt(100)
                < percent;
    ResponseDeadline deadline = new ResponseDeadline(holidays);

    Instant due = deadline.dueAt(sf, start);

    String context =
        sf.code()
            + " start "
            + start
            + " ("
            + start.atZone(sf.zone())
            + ") due "
            + due.atZone(sf.zone())
            + " holidays "
            + percent
            + "%";
    assertTrue(due.isAfter(start), context);
    assertEquals(Duration.ofHours(48), deadline.workingTimeBetween(sf, start, due), context);
    ZonedDateTime dueLocal = due.atZone(sf.zone());
    assertTrue(
        deadline.isWorkingDay(sf, dueLocal.toLocalDate()), "due on a non-working day: " + context);
    // The deadline is the earliest such instant, except that when the time runs out at the end of a
    // working day it moves to 00:00 of the next working day (no working time lies in between).
    Duration justBefore = deadline.workingTimeBetween(sf, start, due.minusNanos(1));
    if (dueLocal.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      assertTrue(
          justBefore.equals(Duration.ofHours(48).minusNanos(1))
              || justBefore.equals(Duration.ofHours(48)),
          () -> "working time just before a 00:00 deadline was " + justBefore + ": " + context);
      if (justBefore.equals(Duration.ofHours(48))) {
        assertFalse(
            deadline.isWorkingDay(sf, dueLocal.toLocalDate().minusDays(1)),
            "deadline moved past a working day: " + context);
      }
    } else {
      assertEquals(Duration.ofHours(48).minusNanos(1), justBefore, context);
    }
  }
}
