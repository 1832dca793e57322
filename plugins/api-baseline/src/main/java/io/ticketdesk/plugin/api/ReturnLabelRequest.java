package io.ticketdesk.plugin.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a carrier needs to make a return label for the units of one ticket.
 *
 * @param ticketNumber the ticket, e.g. {@code 00112345678}
 * @param orderNumber the order, e.g. {@code MQ8BRT7}
 * @param storefront the storefront code, e.g. {@code de}
 * @param sellerName the seller's display name
 * @param returnAddress where the parcel goes (the seller's return address)
 * @param buyerName the buyer, who sends the parcel
 * @param fromCountry ISO 3166-1 alpha-2 country the parcel leaves
 * @param toCountry ISO 3166-1 alpha-2 country the parcel goes to
 * @param items the order units in the parcel, at least one
 * @since 1.0
 */
public record ReturnLabelRequest(
    String ticketNumber,
    String orderNumber,
    String storefront,
    String sellerName,
    ReturnAddress returnAddress,
    String buyerName,
    String fromCountry,
    String toCountry,
    List<Item> items) {

  /**
   * Validates the request and copies the items.
   *
   * @since 1.0
   */
  public ReturnLabelRequest {
    requireNonNull(ticketNumber, "ticketNumber is null");
    requireNonNull(orderNumber, "orderNumber is null");
    requireNonNull(storefront, "storefront is null");
    requireNonNull(sellerName, "sellerName is null");
    requireNonNull(returnAddress, "returnAddress is null");
    requireNonNull(buyerName, "buyerName is null");
    requireNonNull(fromCountry, "fromCountry is null");
    requireNonNull(toCountry, "toCountry is null");
    items = List.copyOf(requireNonNull(items, "items is null"));
    if (items.isEmpty()) {
      throw new IllegalArgumentException("items is empty");
    }
  }

  /**
   * One order unit in the return parcel.
   *
   * @param orderUnitId the order unit, a positive number
   * @param title the product title
   * @param ean the product's EAN (GTIN), may be empty when unknown
   * @since 1.0
   */
  public record Item(long orderUnitId, String title, String ean) {

    /**
     * Validates the item.
     *
     * @since 1.0
     */
    public Item {
      if (orderUnitId <= 0) {
        throw new IllegalArgumentException("orderUnitId must be positive: " + orderUnitId);
      }
      requireNonNull(title, "title is null");
      requireNonNull(ean, "ean is null");
    }
  }
}
