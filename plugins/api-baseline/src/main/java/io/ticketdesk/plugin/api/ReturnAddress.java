package io.ticketdesk.plugin.api;

import static java.util.Objects.requireNonNull;

/**
 * A postal address a return parcel is sent to (the seller's return address).
 *
 * @param name recipient name, e.g. the seller's company or warehouse
 * @param street street and house number
 * @param postalCode postal code
 * @param city city
 * @param country ISO 3166-1 alpha-2 country code
 * @since 1.0
 */
public record ReturnAddress(
    String name, String street, String postalCode, String city, String country) {

  /**
   * Validates that no field is null.
   *
   * @since 1.0
   */
  public ReturnAddress {
    requireNonNull(name, "name is null");
    requireNonNull(street, "street is null");
    requireNonNull(postalCode, "postalCode is null");
    requireNonNull(city, "city is null");
    requireNonNull(country, "country is null");
  }
}
