package io.ticketdesk.domain;

import java.util.Optional;

/** Who is acting: a role and, for sellers and buyers, the tenant they act for. */
public record Actor(Role role, Optional<SellerId> sellerId, Optional<BuyerId> buyerId) {
  public Actor {
    Validation.required(role, "role");
    Validation.required(sellerId, "sellerId");
    Validation.required(buyerId, "buyerId");
    if (role == Role.SELLER && (sellerId.isEmpty() || buyerId.isPresent())) {
      throw Validation.invalid("a seller actor needs a sellerId and no buyerId");
    }
    if (role == Role.BUYER && (buyerId.isEmpty() || sellerId.isPresent())) {
      throw Validation.invalid("a buyer actor needs a buyerId and no sellerId");
    }
    if ((role == Role.MARKETPLACE || role == Role.CUSTOMER_SERVICE)
        && (sellerId.isPresent() || buyerId.isPresent())) {
      throw Validation.invalid("a " + role.wire() + " actor acts for no single tenant");
    }
  }

  public static Actor marketplace() {
    return new Actor(Role.MARKETPLACE, Optional.empty(), Optional.empty());
  }

  public static Actor customerService() {
    return new Actor(Role.CUSTOMER_SERVICE, Optional.empty(), Optional.empty());
  }

  public static Actor seller(SellerId id) {
    return new Actor(Role.SELLER, Optional.of(id), Optional.empty());
  }

  public static Actor buyer(BuyerId id) {
    return new Actor(Role.BUYER, Optional.empty(), Optional.of(id));
  }

  public boolean is(Role r) {
    return role == r;
  }

  /** Whether this actor may see a ticket of the given seller and buyer (tenancy). */
  public boolean canSee(SellerId ticketSeller, BuyerId ticketBuyer) {
    return switch (role) {
      case MARKETPLACE, CUSTOMER_SERVICE -> true;
      case SELLER -> sellerId.orElseThrow().equals(ticketSeller);
      case BUYER -> buyerId.orElseThrow().equals(ticketBuyer);
    };
  }

  /** The author role of messages this actor writes in a chat. */
  public AuthorRole authorRole() {
    return switch (role) {
      case SELLER -> AuthorRole.SELLER;
      case BUYER -> AuthorRole.BUYER;
      case CUSTOMER_SERVICE -> AuthorRole.CUSTOMER_SERVICE;
      case MARKETPLACE -> AuthorRole.SYSTEM;
    };
  }
}
