package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The working time is counted per year (a running count of working days), not by walking the
 * calendar day by day. Property: for random calendars and random instants, across years, time-zone
 * changes and midnights, it equals the plain day-by-day walk it replaced, in every storefront.
 */
class WorkingTimeAgainstDayByDayWalkTest {
  private static final LocalDate FIRST = LocalDate.of(2019, 1, 1);
  private static final int SPAN_DAYS = 13 * 365;

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void equalsTheDayByDayWalk(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    PublicHolidays holidays = randomCalendar(random);
    ResponseDeadline deadline = new ResponseDeadline(holidays);
    DayByDayWalk walk = new DayByDayWalk(holidays);
    for (int i = 0; i < 200; i++) {
      Storefront sf = Storefront.values()[random.nextInt(Storefront.values().length)];
      Instant from = randomInstant(random, sf);
      Instant to = from.plusSeconds(randomSpanSeconds(random));
      String context = "seed " + seed + ", case " + i + ": " + sf + " " + from + " → " + to;
      Duration expected = walk.workingTimeBetween(sf, from, to);
      assertEquals(expected, deadline.workingTimeBetween(sf, from, to), context);
      assertEquals(Duration.ZERO, deadline.workingTimeBetween(sf, to, from), context);
      assertEquals(expected, deadline.workingTimeLeft(sf, to, from), context);
      assertEquals(expected.negated(), deadline.workingTimeLeft(sf, from, to), context);
      LocalDate day = LocalDateTime.ofInstant(from, sf.zone()).toLocalDate();
      assertEquals(walk.isWorkingDay(sf, day), deadline.isWorkingDay(sf, day), context);
      assertEquals(walk.dueAt(sf, from), deadline.dueAt(sf, from), context);
    }
  }

  /** Holidays on about one day in twenty, different per storefront; runs of several days too. */
  private static PublicHolidays randomCalendar(SplittableRandom random) {
    Set<String> days = new HashSet<>();
    for (Storefront sf : Storefront.values()) {
      for (int d = 0; d < SPAN_DAYS; d++) {
        if (random.nextInt(20) == 0) {
          int run = random.nextInt(8) == 0 ? 1 + random.nextInt(10) : 1;
          for (int k = 0; k < run; k++) {
            days.add(sf.code() + FIRST.plusDays(d + k));
          }
        }
      }
    }
    return (sf, date) -> days.contains(sf.code() + date);
  }

  /** Any second, or exactly a midnight, or an hour of a day the clocks change. */
  private static Instant randomInstant(SplittableRandom random, Storefront sf) {
    LocalDate day = FIRST.plusDays(random.nextInt(SPAN_DAYS - 400));
    ZoneId zone = sf.zone();
    return switch (random.nextInt(4)) {
      case 0 -> day.atStartOfDay(zone).toInstant();
      case 1 -> {
        LocalDate lastSundayOfMarch =
            LocalDate.of(day.getYear(), 3, 31)
                .with(java.time.temporal.TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        LocalDate lastSundayOfOctober =
            LocalDate.of(day.getYear(), 10, 31)
                .with(java.time.temporal.TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
        LocalDate change = random.nextBoolean() ? lastSundayOfMarch : lastSundayOfOctober;
        yield change.atStartOfDay(zone).toInstant().plusSeconds(random.nextInt(6 * 3600));
      }
      default -> day.atStartOfDay(zone).toInstant().plusSeconds(random.nextInt(86_400));
    };
  }

  /** Seconds to hours, days, weeks, months or years. */
  private static long randomSpanSeconds(SplittableRandom random) {
    long[] scales = {60, 3_600, 86_400, 7 * 86_400, 40 * 86_400, 380 * 86_400, 3 * 365 * 86_400};
    return random.nextLong(1 + scales[random.nextInt(scales.length)]);
  }

  /** The computation this replaced, kept as the oracle: one calendar day at a time. */
  private record DayByDayWalk(PublicHolidays holidays) {
    boolean isWorkingDay(Storefront storefront, LocalDate date) {
      DayOfWeek d = date.getDayOfWeek();
      return d != DayOfWeek.SATURDAY
          && d != DayOfWeek.SUNDAY
          && !holidays.isPublicHoliday(storefront, date);
    }

    Duration workingTimeBetween(Storefront storefront, Instant from, Instant to) {
      if (!to.isAfter(from)) {
        return Duration.ZERO;
      }
      ZoneId zone = storefront.zone();
      LocalDateTime a = LocalDateTime.ofInstant(from, zone);
      LocalDateTime b = LocalDateTime.ofInstant(to, zone);
      Duration total = Duration.ZERO;
      for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
        if (!isWorkingDay(storefront, day)) {
          continue;
        }
        LocalDateTime s = day.atStartOfDay().isAfter(a) ? day.atStartOfDay() : a;
        LocalDateTime e =
            day.plusDays(1).atStartOfDay().isBefore(b) ? day.plusDays(1).atStartOfDay() : b;
        if (e.isAfter(s)) {
          total = total.plus(Duration.between(s, e));
        }
      }
      return total;
    }

    Instant dueAt(Storefront storefront, Instant start) {
      ZoneId zone = storefront.zone();
      LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
      Duration remaining = ResponseDeadline.WORKING_TIME;
      for (LocalDate day = cursor.toLocalDate(); ; day = day.plusDays(1)) {
        if (!isWorkingDay(storefront, day)) {
          continue;
        }
        LocalDateTime from = day.atStartOfDay().isAfter(cursor) ? day.atStartOfDay() : cursor;
        if (remaining.isZero()) {
          return from.atZone(zone).toInstant();
        }
        Duration available = Duration.between(from, day.plusDays(1).atStartOfDay());
        if (remaining.compareTo(available) < 0) {
          return from.plus(remaining).atZone(zone).toInstant();
        }
        remaining = remaining.minus(available);
      }
    }
  }
}
