package io.ticketdesk.adapters.calendar;

import static java.util.Objects.requireNonNull;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.Storefront;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * National public holidays per storefront from the jollyday library: national days only (no
 * regional ones), public holidays only (no observances), corrected where the library lags behind
 * the law ({@code holiday-corrections.tsv}, each entry with its legal source), then adjusted by the
 * operator's extra and removed dates per storefront.
 */
public final class JollydayPublicHolidays implements PublicHolidays {
  private final Map<Storefront, HolidayManager> managers = new EnumMap<>(Storefront.class);
  private final Map<Storefront, Set<LocalDate>> added;
  private final Map<Storefront, Set<LocalDate>> removed;
  private final Map<String, Set<LocalDate>> cache = new ConcurrentHashMap<>();
  private final HolidayCorrections corrections = HolidayCorrections.shipped();

  public JollydayPublicHolidays() {
    this(Map.of(), Map.of());
  }

  /**
   * @param added dates that count as holidays on a storefront in addition to the library's
   * @param removed library holidays that do not count on a storefront
   */
  public JollydayPublicHolidays(
      Map<Storefront, Set<LocalDate>> added, Map<Storefront, Set<LocalDate>> removed) {
    this.added = Map.copyOf(requireNonNull(added, "added is null"));
    this.removed = Map.copyOf(requireNonNull(removed, "removed is null"));
    for (Storefront sf : Storefront.values()) {
      managers.put(
          sf,
          HolidayManager.getInstance(
              ManagerParameters.create(sf.country().toLowerCase(java.util.Locale.ROOT))));
    }
  }

  @Override
  public boolean isPublicHoliday(Storefront storefront, LocalDate date) {
    if (added.getOrDefault(storefront, Set.of()).contains(date)) {
      return true;
    }
    if (removed.getOrDefault(storefront, Set.of()).contains(date)) {
      return false;
    }
    return corrections
        .holiday(storefront, date)
        .orElseGet(() -> nationalHolidays(storefront, date.getYear()).contains(date));
  }

  /**
   * A digest of every holiday this calendar counts in the given years on every storefront, so a
   * change of configuration or of the library's data can be detected.
   */
  public String fingerprint(int fromYear, int toYear) {
    StringBuilder all = new StringBuilder();
    for (Storefront sf : Storefront.values()) {
      for (int year = fromYear; year <= toYear; year++) {
        java.time.LocalDate day = java.time.LocalDate.of(year, 1, 1);
        while (day.getYear() == year) {
          if (isPublicHoliday(sf, day)) {
            all.append(sf.code()).append(day).append(';');
          }
          day = day.plusDays(1);
        }
      }
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return fromYear + "-" + toYear + ":" + java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The library's national public holidays of a storefront's country in one year. */
  public Set<LocalDate> nationalHolidays(Storefront storefront, int year) {
    return cache.computeIfAbsent(
        storefront.code() + year,
        k ->
            managers.get(storefront).getHolidays(java.time.Year.of(year)).stream()
                .filter(h -> h.getType() == HolidayType.PUBLIC_HOLIDAY)
                .map(Holiday::getActualDate)
                .collect(Collectors.toUnmodifiableSet()));
  }
}
