package io.ticketdesk.domain;

/** The buyer of an order, as the order feed names them. */
public record Buyer(BuyerId id, String name, String email) {
  public Buyer {
    Validation.required(id, "buyer.buyerId");
    Validation.requiredText(name, "buyer.name", 200);
    Validation.requiredText(email, "buyer.email", 254);
    if (!email.contains("@")) {
      throw Validation.invalid("buyer.email must be an e-mail address");
    }
  }
}
