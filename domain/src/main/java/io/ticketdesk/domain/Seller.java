package io.ticketdesk.domain;

import java.util.EnumSet;
import java.util.Set;

/** A seller registered on the marketplace, selling on one or more storefronts. */
public record Seller(
    SellerId id, String name, Set<Storefront> storefronts, ReturnAddress returnAddress) {
  public Seller {
    Validation.required(id, "sellerId");
    Validation.requiredText(name, "name", 200);
    Validation.required(storefronts, "storefronts");
    if (storefronts.isEmpty()) {
      throw Validation.invalid("storefronts must name at least one storefront");
    }
    storefronts = Set.copyOf(EnumSet.copyOf(storefronts));
    Validation.required(returnAddress, "returnAddress");
  }

  public boolean sellsOn(Storefront storefront) {
    return storefronts.contains(storefront);
  }
}
