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
      return toDomain("returnAddress");
    }

    /** The address, checked as the seller's on file is; {@code field} names it in a refusal. */
    ReturnAddress toDomain(String field) {
      Requests.required(name, field + ".name");
      Requests.required(street, field + ".street");
      Requests.required(postalCode, field + ".postalCode");
      Requests.required(city, field + ".city");
      Requests.required(country, field + ".country");
      return Requests.build(
          field, () -> new ReturnAddress(name, street, postalCode, city, country));
    }
  }
}
