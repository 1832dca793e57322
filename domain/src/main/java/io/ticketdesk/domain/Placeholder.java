package io.ticketdesk.domain;

import java.util.Arrays;
import java.util.Optional;

/** A placeholder a text module may use, written {@code {{name}}} in its body. */
public enum Placeholder {
  BUYER_NAME("buyer.name", "The buyer's name as the order feed gave it."),
  ORDER_NUMBER("order.number", "The order number, e.g. MQ8BRT7."),
  TICKET_NUMBER("ticket.number", "The 11-digit ticket number."),
  SELLER_NAME("seller.name", "The seller's registered name."),
  SELLER_RETURN_ADDRESS(
      "seller.returnAddress", "The seller's return address on one line (name, street, city)."),
  ORDER_UNIT_TITLE("orderUnit.title", "The product title of the ticket's first order unit."),
  ORDER_UNIT_EAN("orderUnit.ean", "The EAN of the ticket's first order unit."),
  STOREFRONT("storefront", "The storefront (sales channel) code, e.g. de."),
  RETURN_LABEL_URL(
      "returnLabel.url", "The download URL of the return label made for this ticket (if any)."),
  RETURN_LABEL_TRACKING_NUMBER(
      "returnLabel.trackingNumber", "The tracking number of the ticket's return label (if any).");

  private final String key;
  private final String description;

  Placeholder(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The name inside the braces, e.g. {@code buyer.name}. */
  public String key() {
    return key;
  }

  public String description() {
    return description;
  }

  public static Optional<Placeholder> byKey(String key) {
    return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
  }
}
