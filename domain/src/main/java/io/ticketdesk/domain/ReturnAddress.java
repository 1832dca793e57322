package io.ticketdesk.domain;

import java.util.regex.Pattern;

/** The address a seller takes returns at. */
public record ReturnAddress(
    String name, String street, String postalCode, String city, String country) {
  private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

  public ReturnAddress {
    Validation.requiredText(name, "returnAddress.name", 200);
    Validation.requiredText(street, "returnAddress.street", 200);
    Validation.requiredText(postalCode, "returnAddress.postalCode", 20);
    Validation.requiredText(city, "returnAddress.city", 100);
    Validation.required(country, "returnAddress.country");
    if (!COUNTRY.matcher(country).matches()) {
      throw Validation.invalid(
          "returnAddress.country must be an ISO 3166-1 alpha-2 code such as DE, got '"
              + OrderNumber.abbreviate(country)
              + "'");
    }
  }

  /** The full address on four lines: name, street, postal code and city, country. */
  public String display() {
    return name + "\n" + street + "\n" + postalCode + " " + city + "\n" + country;
  }
}
