package io.ticketdesk.domain;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which days are working days on each storefront, counted once per storefront and year: a running
 * count of working days through the year answers "how many working days lie between two dates" with
 * a subtraction per year instead of a walk over every day. Saturdays, Sundays and the calendar's
 * public holidays are not working days.
 *
 * <p>The calendar must answer the same for a date for the life of this object (a changed holiday
 * configuration is a new calendar, as it is at a restart).
 */
final class WorkingDays {
  private final PublicHolidays holidays;
  private final Map<Storefront, Map<Integer, short[]>> years = new EnumMap<>(Storefront.class);

  WorkingDays(PublicHolidays holidays) {
    this.holidays = requireNonNull(holidays, "holidays is null");
    for (Storefront sf : Storefront.values()) {
      years.put(sf, new ConcurrentHashMap<>());
    }
  }

  boolean isWorkingDay(Storefront storefront, LocalDate date) {
    short[] running = year(storefront, date.getYear());
    int i = date.getDayOfYear();
    return running[i] != running[i - 1];
  }

  /** The number of working days in {@code [from, to)}; zero when {@code to} is not after it. */
  long between(Storefront storefront, LocalDate from, LocalDate to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    long count = 0;
    for (int y = from.getYear(); y <= to.getYear(); y++) {
      short[] running = year(storefront, y);
      int start = y == from.getYear() ? from.getDayOfYear() - 1 : 0;
      int end = y == to.getYear() ? to.getDayOfYear() - 1 : running.length - 1;
      count += running[end] - running[start];
    }
    return count;
  }

  /** {@code running[i]} = the working days among the year's first {@code i} days. */
  private short[] year(Storefront storefront, int year) {
    return years.get(storefront).computeIfAbsent(year, y -> count(storefront, y));
  }

  private short[] count(Storefront storefront, int year) {
    int days = Year.of(year).length();
    short[] running = new short[days + 1];
    LocalDate day = LocalDate.ofYearDay(year, 1);
    for (int i = 1; i <= days; i++, day = day.plusDays(1)) {
      DayOfWeek d = day.getDayOfWeek();
      boolean working =
          d != DayOfWeek.SATURDAY
              && d != DayOfWeek.SUNDAY
              && !holidays.isPublicHoliday(storefront, day);
      running[i] = (short) (running[i - 1] + (working ? 1 : 0));
    }
    return running;
  }
}
