package io.ticketdesk.adapters.http;

import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.Seller;
import java.util.List;

/** A registered seller as JSON. */
record SellerJson(
    long sellerId, String name, List<String> storefronts, ReturnAddressJson returnAddress) {

  static SellerJson of(Seller s) {
    return new SellerJson(
        s.id().value(),
        s.name(),
        s.storefronts().stream().sorted().map(sf -> sf.wire()).toList(),
        ReturnAddressJson.of(s.returnAddress()));
  }

  /** The body of {@code POST /sellers}. */
  record Registration(String name, List<String> storefronts, ReturnAddressJson returnAddress) {}

  /** A return address, in and out. */
  record ReturnAddressJson(
      String name, String street, String postalCode, String city, String country) {
    static ReturnAddressJson of(ReturnAddress a) {
      return new ReturnAddressJson(a.name(), a.street(), a.postalCode(), a.city(), a.country());
    }

    ReturnAddress toDomain() {
      Requests.required(name, "returnAddress.name");
      Requests.required(street, "returnAddress.street");
      Requests.required(postalCode, "returnAddress.postalCode");
      Requests.required(city, "returnAddress.city");
      Requests.required(country, "returnAddress.country");
      return Requests.build(
          "returnAddress", () -> new ReturnAddress(name, street, postalCode, city, country));
    }
  }
}
