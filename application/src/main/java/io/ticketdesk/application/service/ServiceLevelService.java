package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.MeasureResponseTimeUseCase;
import io.ticketdesk.application.port.out.ResponseTimes;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.FirstResponse;
import io.ticketdesk.domain.ResponseTimeFigures;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the response-time KPI per calendar week (ISO week, storefront time zone) over the
 * tickets whose first-response deadline fell in it.
 */
public final class ServiceLevelService implements MeasureResponseTimeUseCase {
  private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})$");
  private static final long MAX_DAYS = 366;

  private final ResponseTimes responseTimes;
  private final Sellers sellers;
  private final Transactions tx;
  private final Clock clock;

  public ServiceLevelService(
      ResponseTimes responseTimes, Sellers sellers, Transactions tx, Clock clock) {
    this.responseTimes = requireNonNull(responseTimes, "responseTimes is null");
    this.sellers = requireNonNull(sellers, "sellers is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public Report measure(Actor actor, Query query) {
    Access.require(actor, "read response-time KPIs", Role.SELLER, Role.MARKETPLACE);
    SellerId seller = scope(actor, query.sellerId());
    LocalDate from;
    LocalDate to;
    if (query.week() != null) {
      if (query.from() != null || query.to() != null) {
        throw invalid("give either week or from/to, not both", "week");
      }
      from = mondayOf(query.week());
      to = from.plusDays(6);
    } else {
      if (query.from() == null || query.to() == null) {
        throw invalid("give week (e.g. 2026-W06) or both from and to (dates)", "week");
      }
      from = query.from();
      to = query.to();
      if (to.isBefore(from)) {
        throw invalid("to must not be before from", "to");
      }
      if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
        throw invalid("the period may span at most " + MAX_DAYS + " days", "to");
      }
    }
    Instant now = clock.instant();
    LocalDate start = from;
    LocalDate endInclusive = to;
    return tx.inTransaction(
        () -> {
          Set<Storefront> storefronts = storefronts(seller, query.storefront());
          Map<Storefront, ResponseTimeFigures> by = new EnumMap<>(Storefront.class);
          List<FirstResponse> all = new ArrayList<>();
          long overdue = 0;
          for (Storefront sf : storefronts) {
            Instant a = start.atStartOfDay(sf.zone()).toInstant();
            Instant b = endInclusive.plusDays(1).atStartOfDay(sf.zone()).toInstant();
            List<FirstResponse> responses = responseTimes.firstResponsesDue(seller, sf, a, b);
            long sfOverdue = responseTimes.openOverdue(seller, sf, now);
            by.put(sf, ResponseTimeFigures.of(responses, now, sfOverdue));
            all.addAll(responses);
            overdue += sfOverdue;
          }
          return new Report(
              seller,
              query.week(),
              start,
              endInclusive,
              ResponseTimeFigures.of(all, now, overdue),
              by);
        });
  }

  private SellerId scope(Actor actor, Long requested) {
    if (actor.is(Role.SELLER)) {
      SellerId own = actor.sellerId().orElseThrow();
      if (requested != null && requested != own.value()) {
        throw new DomainException(ErrorCode.NOT_FOUND, "seller " + requested + " not found");
      }
      return own;
    }
    if (requested == null) {
      return null;
    }
    SellerId id = SellerId.of(requested);
    if (tx.inTransaction(() -> sellers.find(id)).isEmpty()) {
      throw new DomainException(ErrorCode.NOT_FOUND, "seller " + requested + " not found");
    }
    return id;
  }

  private Set<Storefront> storefronts(SellerId seller, Storefront requested) {
    if (requested != null) {
      return EnumSet.of(requested);
    }
    if (seller == null) {
      return EnumSet.allOf(Storefront.class);
    }
    return sellers.find(seller).map(Seller::storefronts).map(EnumSet::copyOf).orElseThrow();
  }

  static LocalDate mondayOf(String week) {
    Matcher m = WEEK.matcher(week);
    if (!m.matches()) {
      throw invalid(
          "week must look like 2026-W06 (ISO week), got '" + abbreviate(week) + "'", "week");
    }
    int year = Integer.parseInt(m.group(1));
    int w = Integer.parseInt(m.group(2));
    LocalDate mid = LocalDate.of(year, 6, 1);
    long weeks = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(mid).getMaximum();
    if (w < 1 || w > weeks) {
      throw invalid(
          "week " + week + " does not exist: " + year + " has " + weeks + " ISO weeks", "week");
    }
    return LocalDate.of(year, 1, 4)
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, w)
        .with(DayOfWeek.MONDAY);
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }

  private static DomainException invalid(String message, String field) {
    return new DomainException(ErrorCode.VALIDATION, message, Map.of("field", field));
  }
}
