package io.ticketdesk.domain;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The return-option policy (the seller GTCs' "cancellation policy"): whether the seller's first
 * response to a ticket must offer a valid return option, which phase holds, and which options are
 * valid for the ticket.
 */
public final class ReturnOptionPolicy {
  /** How long the seller may try to get the goods back after a breach was sanctioned. */
  public static final Duration RECOVERY_WINDOW = Duration.ofDays(28);

  /** The highest item value (in EUR) for which the seller's return address is a valid option. */
  public static final Money SELLER_ADDRESS_LIMIT = Money.of(4000, "EUR");

  private final Rules rules;

  public ReturnOptionPolicy(Rules rules) {
    this.rules = Validation.required(rules, "rules");
  }

  /** The policy with the GTCs' dates, a 14-day period and the default exchange rates. */
  public static ReturnOptionPolicy withDefaults() {
    return new ReturnOptionPolicy(Rules.defaults());
  }

  public Rules rules() {
    return rules;
  }

  /**
   * One currency's rate against the euro as an exact fraction: one euro is worth {@code numerator /
   * denominator} major units of {@code currency} (e.g. CZK 25/1, PLN 425/100).
   */
  public record ExchangeRate(String currency, long numerator, long denominator) {
    public ExchangeRate {
      Validation.required(currency, "currency");
      Money.of(0, currency);
      if (numerator <= 0 || denominator <= 0) {
        throw Validation.invalid("an exchange rate is a positive fraction");
      }
    }

    /** Parses a decimal rate such as {@code 25} or {@code 4.2537} (units of currency per EUR). */
    public static ExchangeRate parse(String currency, String perEuro) {
      Validation.required(perEuro, "rate");
      String s = perEuro.strip();
      if (!s.matches("\\d{1,9}(\\.\\d{1,9})?")) {
        throw Validation.invalid(
            "the rate of " + currency + " must be a decimal number such as 25.0, got '" + s + "'");
      }
      int dot = s.indexOf('.');
      long denominator = 1;
      if (dot >= 0) {
        for (int i = dot + 1; i < s.length(); i++) {
          denominator *= 10;
        }
      }
      return new ExchangeRate(currency, Long.parseLong(s.replace(".", "")), denominator);
    }

    /** The rate as a plain decimal, e.g. {@code 25.285}. */
    public String perEuro() {
      return new java.math.BigDecimal(BigInteger.valueOf(numerator))
          .divide(java.math.BigDecimal.valueOf(denominator), java.math.MathContext.DECIMAL128)
          .stripTrailingZeros()
          .toPlainString();
    }
  }

  /**
   * The configuration: when the GTCs take effect (start of the transitional period) and when the
   * policy is enforced (dates in each storefront's time zone), the cancellation period per
   * storefront, and the exchange rates for currencies other than EUR.
   */
  public record Rules(
      LocalDate effectiveFrom,
      LocalDate enforcedFrom,
      Map<Storefront, Integer> cancellationDays,
      Map<String, ExchangeRate> rates) {
    public static final LocalDate DEFAULT_EFFECTIVE_FROM = LocalDate.of(2026, 1, 1);
    public static final LocalDate DEFAULT_ENFORCED_FROM = LocalDate.of(2026, 2, 1);
    public static final int DEFAULT_CANCELLATION_DAYS = 14;

    public Rules {
      Validation.required(effectiveFrom, "effectiveFrom");
      Validation.required(enforcedFrom, "enforcedFrom");
      if (enforcedFrom.isBefore(effectiveFrom)) {
        throw Validation.invalid("the policy cannot be enforced before the GTCs take effect");
      }
      Map<Storefront, Integer> days = new EnumMap<>(Storefront.class);
      for (Storefront sf : Storefront.values()) {
        days.put(sf, DEFAULT_CANCELLATION_DAYS);
      }
      Validation.required(cancellationDays, "cancellationDays")
          .forEach(
              (sf, d) -> {
                if (d == null || d < 1 || d > 365) {
                  throw Validation.invalid("the cancellation period is 1 to 365 days");
                }
                days.put(sf, d);
              });
      cancellationDays = Map.copyOf(days);
      Map<String, ExchangeRate> copy = new LinkedHashMap<>();
      Validation.required(rates, "rates")
          .forEach(
              (c, r) -> {
                if (!r.currency().equals(c)) {
                  throw new IllegalArgumentException("rate " + r + " is filed under " + c);
                }
                copy.put(c, r);
              });
      rates = Map.copyOf(copy);
    }

    public static Rules defaults() {
      return new Rules(
          DEFAULT_EFFECTIVE_FROM,
          DEFAULT_ENFORCED_FROM,
          Map.of(),
          Map.of(
              "CZK", ExchangeRate.parse("CZK", "25"),
              "PLN", ExchangeRate.parse("PLN", "4.25")));
    }
  }

  /**
   * What the policy says about one ticket at one instant.
   *
   * @param applies the buyer revoked within the period for a refund: a return option is owed
   * @param phase the phase at that instant (in the storefront's time zone)
   * @param validOptions the option types that count for this ticket
   * @param refundedInFull every unit the policy concerns is already refunded in full (from the
   *     action menu): that is a refund without return, and satisfies the policy
   * @param sellerAddressLimit the 40 EUR limit of the seller's address in the storefront's currency
   *     (rounded down to its minor unit); null when there is no rate for it
   * @param rateUsed the exchange rate the limit was converted with; null for the euro
   */
  public record Assessment(
      boolean applies,
      PolicyPhase phase,
      List<ReturnOptionType> validOptions,
      boolean refundedInFull,
      Money sellerAddressLimit,
      RateUsed rateUsed) {
    public Assessment {
      Validation.required(phase, "phase");
      validOptions = List.copyOf(validOptions);
    }

    public Assessment(boolean applies, PolicyPhase phase, List<ReturnOptionType> validOptions) {
      this(applies, phase, validOptions, false, SELLER_ADDRESS_LIMIT, null);
    }

    /** Whether the first response must offer a valid option (transitional or enforced). */
    public boolean requiresOption() {
      return applies && phase != PolicyPhase.NONE;
    }

    /**
     * Whether the offer contains at least one option valid for this ticket, or the units are
     * refunded in full already (a refund without return made before the answer).
     */
    public boolean satisfiedBy(ReturnOffer offer) {
      return refundedInFull
          || offer.options().stream().anyMatch(o -> validOptions.contains(o.type()));
    }

    /** How a first response with this offer fares. */
    public Verdict judge(ReturnOffer offer) {
      if (!requiresOption()) {
        return Verdict.NOT_REQUIRED;
      }
      if (satisfiedBy(offer)) {
        return Verdict.SATISFIED;
      }
      return phase == PolicyPhase.ENFORCED ? Verdict.BREACH : Verdict.WARNING;
    }

    /** Refuses options that are not valid for this ticket (e.g. the address for a dear item). */
    public void checkOffered(ReturnOffer offer) {
      for (ReturnOption o : offer.options()) {
        if (!validOptions.contains(o.type())) {
          throw new DomainException(
              ErrorCode.RETURN_OPTION_INVALID,
              o.type() == ReturnOptionType.SELLER_ADDRESS
                  ? "seller_address is a valid return option only for items worth at most "
                      + SELLER_ADDRESS_LIMIT.display()
                      + "; offer a label instead"
                  : "return option " + o.type().wire() + " is not valid for this ticket",
              Map.of("field", "returnOptions", "validOptions", wires(validOptions)),
              o.type() == ReturnOptionType.SELLER_ADDRESS
                  ? Notice.sellerAddressTooDear(SELLER_ADDRESS_LIMIT)
                  : null);
        }
      }
    }

    /** The refusal of a first response that owes a valid option and offers none. */
    public DomainException required() {
      return new DomainException(
          ErrorCode.RETURN_OPTION_REQUIRED,
          "the first response to this return request must offer a valid return option ("
              + String.join(", ", wires(validOptions))
              + "); a discount or tips alone are not enough",
          Map.of("validOptions", wires(validOptions), "phase", phase.wire()),
          Notice.returnOptionRequired(validOptions));
    }
  }

  /** How a first response fares under the policy. */
  public enum Verdict {
    /** The policy does not apply (or not yet): anything goes. */
    NOT_REQUIRED,
    /** A valid option was offered. */
    SATISFIED,
    /** No valid option during the transitional period: a warning only. */
    WARNING,
    /** No valid option while the policy is enforced: refused, or sanctioned if recorded anyway. */
    BREACH
  }

  /** The phase on the given storefront at the given instant. */
  public PolicyPhase phase(Storefront storefront, Instant at) {
    Validation.required(storefront, "storefront");
    Validation.required(at, "at");
    ZoneId zone = storefront.zone();
    if (!at.isBefore(rules.enforcedFrom().atStartOfDay(zone).toInstant())) {
      return PolicyPhase.ENFORCED;
    }
    if (!at.isBefore(rules.effectiveFrom().atStartOfDay(zone).toInstant())) {
      return PolicyPhase.TRANSITIONAL;
    }
    return PolicyPhase.NONE;
  }

  /**
   * Assesses a ticket of {@code order}: the revocation counts at the ticket's creation, the phase
   * at {@code at} (the instant of the first response).
   */
  public Assessment assess(Ticket ticket, Order order, Instant at) {
    return assess(ticket, order, List.of(), at);
  }

  /**
   * Assesses a ticket of {@code order} with the order's refund ledger: when every unit the policy
   * concerns is already refunded in full, that counts as a refund without return.
   */
  public Assessment assess(Ticket ticket, Order order, List<LedgerEntry> ledger, Instant at) {
    return assess(ticket, order, ledger, configuredRate(ticket.storefront(), at), at);
  }

  /** The configured default rate of the storefront's currency, as used on the day of {@code at}. */
  public Optional<RateUsed> configuredRate(Storefront storefront, Instant at) {
    return RateUsed.choose(
        rateDay(storefront, at),
        Optional.empty(),
        Optional.ofNullable(rules.rates().get(storefront.currency())));
  }

  /** The day whose exchange rate applies at {@code at}: the date in the storefront's zone. */
  public static LocalDate rateDay(Storefront storefront, Instant at) {
    return at.atZone(storefront.zone()).toLocalDate();
  }

  /**
   * Assesses a ticket with the order's refund ledger and the exchange rate of the day ({@code
   * rate}, of the storefront's currency; empty: none known, the address is never valid in it).
   */
  public Assessment assess(
      Ticket ticket, Order order, List<LedgerEntry> ledger, Optional<RateUsed> rate, Instant at) {
    Validation.required(ticket, "ticket");
    Validation.required(order, "order");
    Validation.required(ledger, "ledger");
    Validation.required(rate, "rate");
    List<OrderUnit> units = new ArrayList<>();
    for (OrderUnitId id : ticket.orderUnitIds()) {
      order.unit(id).ifPresent(units::add);
    }
    List<OrderUnit> revoked = units.stream().filter(u -> withinPeriod(ticket, u)).toList();
    boolean applies = mayApply(ticket) && !revoked.isEmpty();
    Set<ReturnOptionType> valid = EnumSet.allOf(ReturnOptionType.class);
    List<OrderUnit> valued = applies ? revoked : units;
    if (valued.isEmpty()
        || !valued.stream().allMatch(u -> cheapEnoughForAddress(u.price(), rate))) {
      valid.remove(ReturnOptionType.SELLER_ADDRESS);
    }
    String currency = ticket.storefront().currency();
    boolean euro = currency.equals(SELLER_ADDRESS_LIMIT.currency());
    Money limit =
        euro ? SELLER_ADDRESS_LIMIT : rate.map(r -> limitIn(currency, r.rate())).orElse(null);
    return new Assessment(
        applies,
        phase(ticket.storefront(), at),
        List.copyOf(valid),
        applies && refundedInFull(revoked, ledger),
        limit,
        euro ? null : rate.orElse(null));
  }

  private boolean cheapEnoughForAddress(Money price, Optional<RateUsed> rate) {
    if (price.currency().equals(SELLER_ADDRESS_LIMIT.currency())) {
      return !price.exceeds(SELLER_ADDRESS_LIMIT);
    }
    return rate.filter(r -> r.currency().equals(price.currency()))
        .map(r -> cheapEnoughForAddress(price, r.rate()))
        .orElse(false);
  }

  /** The 40 EUR limit in {@code currency} at {@code rate}, rounded down to its minor unit. */
  public static Money limitIn(String currency, ExchangeRate rate) {
    int f = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    int e = Currency.getInstance(SELLER_ADDRESS_LIMIT.currency()).getDefaultFractionDigits();
    BigInteger minor =
        BigInteger.valueOf(SELLER_ADDRESS_LIMIT.amount())
            .multiply(BigInteger.valueOf(rate.numerator()))
            .multiply(BigInteger.TEN.pow(f))
            .divide(BigInteger.valueOf(rate.denominator()).multiply(BigInteger.TEN.pow(e)));
    return Money.of(minor.longValueExact(), currency);
  }

  /**
   * Whether every one of the units is refunded in full through refunds (not cancelled): the buyer
   * has the whole price back and is not asked to return anything.
   */
  public static boolean refundedInFull(List<OrderUnit> units, List<LedgerEntry> ledger) {
    if (units.isEmpty()) {
      return false;
    }
    for (OrderUnit unit : units) {
      List<LedgerEntry> own =
          ledger.stream().filter(e -> e.orderUnitId().equals(unit.id())).toList();
      boolean cancelled =
          unit.state() == UnitState.CANCELLED
              || own.stream().anyMatch(e -> e.kind() == LedgerEntry.Kind.CANCELLATION);
      if (cancelled || own.isEmpty() || new UnitLedger(unit, own).remaining().amount() != 0) {
        return false;
      }
    }
    return true;
  }

  /** The units of the ticket that the policy concerns (those revoked within the period). */
  public List<OrderUnit> concernedUnits(Ticket ticket, Order order) {
    List<OrderUnit> units = new ArrayList<>();
    for (OrderUnitId id : ticket.orderUnitIds()) {
      order.unit(id).filter(u -> withinPeriod(ticket, u)).ifPresent(units::add);
    }
    return units;
  }

  /**
   * Whether the policy can apply to the ticket at all: a return request for a refund (or without a
   * stated intent). Repair, replacement, missing parts and other reasons never need an option.
   */
  public static boolean mayApply(Ticket ticket) {
    return ticket.reason() == TicketReason.PRODUCT_RETURN
        && (ticket.returnIntent() == null || ticket.returnIntent() == ReturnIntent.REFUND);
  }

  /**
   * Whether the seller may owe an option-carrying answer now: a return request the policy can apply
   * to ({@link #mayApply}), open, and either not answered yet or marked since its first response
   * ({@link Ticket#optionAnswerDueAt()}). Its deadline is never before the running one. Only these
   * tickets can miss such an answer; the store reads them off an index of their own, which says
   * this in SQL ({@code Tickets.openReturnRequestsDue}; the contract suite keeps the two equal).
   */
  public static boolean mayOweOptionAnswer(Ticket ticket) {
    return mayApply(ticket) && ticket.optionAnswerDueAt().isPresent();
  }

  /**
   * Whether the ticket was opened within the unit's cancellation period: before delivery (a
   * withdrawal before delivery is covered), or by the end of the period's last day after delivery
   * in the storefront's time zone (delivered on day D with 14 days: until D+14, 24:00).
   */
  boolean withinPeriod(Ticket ticket, OrderUnit unit) {
    if (unit.state() == UnitState.CANCELLED) {
      return false;
    }
    if (unit.deliveredAt() == null) {
      return true;
    }
    return ticket.createdAt().isBefore(periodEnd(ticket.storefront(), unit.deliveredAt()));
  }

  /** The end of the cancellation period of a unit delivered at {@code deliveredAt}. */
  public Instant periodEnd(Storefront storefront, Instant deliveredAt) {
    ZoneId zone = storefront.zone();
    int days = rules.cancellationDays().get(storefront);
    LocalDate lastDay = deliveredAt.atZone(zone).toLocalDate().plusDays(days);
    return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** Whether an item of this price is worth at most 40 EUR at the configured rate, exactly. */
  public boolean cheapEnoughForAddress(Money price) {
    Validation.required(price, "price");
    if (price.currency().equals(SELLER_ADDRESS_LIMIT.currency())) {
      return !price.exceeds(SELLER_ADDRESS_LIMIT);
    }
    ExchangeRate rate = rules.rates().get(price.currency());
    return rate != null && cheapEnoughForAddress(price, rate);
  }

  /** Whether an item of this price is worth at most 40 EUR at {@code rate}, converted exactly. */
  public static boolean cheapEnoughForAddress(Money price, ExchangeRate rate) {
    Validation.required(price, "price");
    Validation.required(rate, "rate");
    if (!rate.currency().equals(price.currency())) {
      throw new IllegalArgumentException("a rate of " + rate.currency() + " for " + price);
    }
    // price / 10^f / (num / den) <= limit / 100  <=>  price * den * 100 <= limit * num * 10^f
    int f = Math.max(0, Currency.getInstance(price.currency()).getDefaultFractionDigits());
    int e = Currency.getInstance(SELLER_ADDRESS_LIMIT.currency()).getDefaultFractionDigits();
    BigInteger left =
        BigInteger.valueOf(price.amount())
            .multiply(BigInteger.valueOf(rate.denominator()))
            .multiply(BigInteger.TEN.pow(e));
    BigInteger right =
        BigInteger.valueOf(SELLER_ADDRESS_LIMIT.amount())
            .multiply(BigInteger.valueOf(rate.numerator()))
            .multiply(BigInteger.TEN.pow(f));
    return left.compareTo(right) <= 0;
  }

  static List<String> wires(List<ReturnOptionType> types) {
    return types.stream().map(ReturnOptionType::wire).toList();
  }
}
