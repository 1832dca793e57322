package io.ticketdesk.adapters.calendar;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.Storefront;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Corrections to the holiday library's data where it lags behind the law, shipped as data ({@code
 * holiday-corrections.tsv}) with the legal source of each entry.
 */
final class HolidayCorrections {
  static final String RESOURCE = "holiday-corrections.tsv";

  /**
   * One correction: on {@code storefront}, {@code day} of the years {@code from..to} is a day off
   * or not.
   */
  record Correction(
      Storefront storefront, MonthDay day, int from, Integer to, boolean holiday, String source) {
    Correction {
      requireNonNull(storefront, "storefront is null");
      requireNonNull(day, "day is null");
      requireNonNull(source, "source is null");
      if (source.isBlank()) {
        throw new IllegalArgumentException("a correction names its legal source");
      }
      if (to != null && to < from) {
        throw new IllegalArgumentException("a correction's last year precedes its first");
      }
    }

    boolean covers(Storefront sf, LocalDate date) {
      int y = date.getYear();
      return sf == storefront
          && MonthDay.from(date).equals(day)
          && y >= from
          && (to == null || y <= to);
    }
  }

  private final List<Correction> corrections;

  HolidayCorrections(List<Correction> corrections) {
    this.corrections = List.copyOf(corrections);
  }

  /** The corrections shipped with this adapter. */
  static HolidayCorrections shipped() {
    try (InputStream in = HolidayCorrections.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the calendar adapter");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HolidayCorrections parse(String text) {
    List<Correction> list = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c.length != 6) {
          throw new IllegalArgumentException(
              RESOURCE + " line " + n + ": expected 6 tab-separated columns, got " + c.length);
        }
        boolean holiday =
            switch (c[4]) {
              case "holiday" -> true;
              case "working" -> false;
              default ->
                  throw new IllegalArgumentException(
                      RESOURCE + " line " + n + ": effect is holiday or working, not " + c[4]);
            };
        list.add(
            new Correction(
                Storefront.of(c[0]),
                MonthDay.parse("--" + c[1]),
                Integer.parseInt(c[2]),
                c[3].isEmpty() ? null : Integer.parseInt(c[3]),
                holiday,
                c[5]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HolidayCorrections(list);
  }

  List<Correction> all() {
    return corrections;
  }

  /**
   * Whether a correction says the date is (true) or is not (false) a day off; empty: no correction.
   */
  Optional<Boolean> holiday(Storefront storefront, LocalDate date) {
    for (Correction c : corrections) {
      if (c.covers(storefront, date)) {
        return Optional.of(c.holiday());
      }
    }
    return Optional.empty();
  }
}
