package io.ticketdesk.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a message offers the buyer about a return: the return options, and optionally a discount to
 * keep the item instead (allowed only together with a valid option).
 */
public record ReturnOffer(List<ReturnOption> options, Money discountOffer) {
  public static final int MAX_OPTIONS = 10;

  /** A message that offers nothing. */
  public static final ReturnOffer NONE = new ReturnOffer(List.of(), null);

  public ReturnOffer {
    Validation.required(options, "returnOptions");
    options = List.copyOf(options);
    if (options.size() > MAX_OPTIONS) {
      throw Validation.invalid("a message offers at most " + MAX_OPTIONS + " return options");
    }
    Set<ReturnOptionType> seen = new HashSet<>();
    for (ReturnOption o : options) {
      Validation.required(o, "returnOptions[]");
      if (!seen.add(o.type()) && o.type() != ReturnOptionType.PREPAID_LABEL) {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "return option " + o.type().wire() + " is given twice",
            Map.of("field", "returnOptions"));
      }
    }
    if (discountOffer != null && discountOffer.amount() <= 0) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "discountOffer.amount must be greater than 0 (integer minor units)",
          Map.of("field", "discountOffer.amount"));
    }
  }

  /**
   * Refuses a discount above {@code price}, the price of the ticket's units: a discount to keep an
   * item is at most what the item cost.
   */
  public void checkDiscountAtMost(Money price) {
    Validation.required(price, "price");
    if (discountOffer != null
        && discountOffer.currency().equals(price.currency())
        && discountOffer.exceeds(price)) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "discountOffer may be at most the price of the ticket's units, "
              + price.amount()
              + " "
              + price.currency()
              + " (integer minor units)",
          Map.of("field", "discountOffer.amount"));
    }
  }

  public boolean isEmpty() {
    return options.isEmpty() && discountOffer == null;
  }

  /** Whether one of the options is of the given type. */
  public boolean offers(ReturnOptionType type) {
    return options.stream().anyMatch(o -> o.type() == type);
  }
}
