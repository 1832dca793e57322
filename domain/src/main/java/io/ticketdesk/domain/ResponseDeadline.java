package io.ticketdesk.domain;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The seller's response deadline: 48 hours counted on working days only, in the storefront's time
 * zone. Saturdays, Sundays and national public holidays do not count.
 */
public final class ResponseDeadline {
  public static final Duration WORKING_TIME = Duration.ofHours(48);
  private static final int MAX_DAYS = 3660;

  private final WorkingDays workingDays;

  /**
   * @param holidays a calendar that answers the same for a date for the life of this object (the
   *     working days of each storefront and year are counted once)
   */
  public ResponseDeadline(PublicHolidays holidays) {
    this.workingDays = new WorkingDays(holidays);
  }

  public boolean isWorkingDay(Storefront storefront, LocalDate date) {
    return workingDays.isWorkingDay(storefront, date);
  }

  /**
   * The instant by which the seller must answer when the clock starts at {@code start}. When the
   * working time runs out exactly at the end of a working day, the deadline is the start of the
   * next working day (no working time lies between the two).
   */
  public Instant dueAt(Storefront storefront, Instant start) {
    return afterWorkingTime(storefront, start, WORKING_TIME);
  }

  /**
   * The instant at which {@code workingTime} (not negative) has passed on the storefront's working
   * days since {@code start}; as {@link #dueAt}, a time that runs out at the end of a working day
   * ends at the start of the next one.
   */
  public Instant afterWorkingTime(Storefront storefront, Instant start, Duration workingTime) {
    requireNonNull(storefront, "storefront is null");
    requireNonNull(start, "start is null");
    if (workingTime.isNegative()) {
      throw new IllegalArgumentException("working time is negative: " + workingTime);
    }
    ZoneId zone = storefront.zone();
    LocalDateTime cursor = LocalDateTime.ofInstant(start, zone);
    Duration remaining = workingTime;
    LocalDate day = cursor.toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
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
    throw new IllegalStateException("no working day within ten years of " + start);
  }

  /**
   * Working time between two instants, in the storefront's zone (wall-clock hours): the parts of
   * the first and the last day if they are working days, plus 24 hours per working day between.
   */
  public Duration workingTimeBetween(Storefront storefront, Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    ZoneId zone = storefront.zone();
    LocalDateTime a = LocalDateTime.ofInstant(from, zone);
    LocalDateTime b = LocalDateTime.ofInstant(to, zone);
    LocalDate first = a.toLocalDate();
    LocalDate last = b.toLocalDate();
    if (first.equals(last)) {
      return isWorkingDay(storefront, first) ? Duration.between(a, b) : Duration.ZERO;
    }
    Duration total = Duration.ofDays(workingDays.between(storefront, first.plusDays(1), last));
    if (isWorkingDay(storefront, first)) {
      total = total.plus(Duration.between(a, first.plusDays(1).atStartOfDay()));
    }
    if (isWorkingDay(storefront, last)) {
      total = total.plus(Duration.between(last.atStartOfDay(), b));
    }
    return total;
  }

  /**
   * The working time left from {@code now} to the deadline {@code due}; once the deadline has
   * passed, the working time overrun, negated. Weekends and public holidays count for neither.
   */
  public Duration workingTimeLeft(Storefront storefront, Instant due, Instant now) {
    requireNonNull(storefront, "storefront is null");
    requireNonNull(due, "due is null");
    requireNonNull(now, "now is null");
    return now.isAfter(due)
        ? workingTimeBetween(storefront, due, now).negated()
        : workingTimeBetween(storefront, now, due);
  }

  /**
   * The working time the seller took to answer at {@code answeredAt} a ticket whose first deadline
   * is {@code due}: the 48 working hours before the deadline, less what was left, or plus what was
   * overrun. A close and a reopen in between do not stop this clock.
   */
  public Duration workingTimeToAnswer(Storefront storefront, Instant due, Instant answeredAt) {
    requireNonNull(due, "due is null");
    requireNonNull(answeredAt, "answeredAt is null");
    if (answeredAt.isAfter(due)) {
      return WORKING_TIME.plus(workingTimeBetween(storefront, due, answeredAt));
    }
    Duration taken = WORKING_TIME.minus(workingTimeBetween(storefront, answeredAt, due));
    return taken.isNegative() ? Duration.ZERO : taken;
  }
}
