package com.example.ticketdesk.carrier;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelLimits;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.security.SecureRandom;
import java.util.Set;

/** Labels within the EU countries it serves; thread-safe (the host calls it concurrently). */
final class ExampleCarrier implements ReturnLabelProvider {

  private static final Set<String> COUNTRIES = Set.of("DE", "AT", "CZ", "SK", "PL", "FR", "IT");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String baseUrl;
  private final String prefix;

  ExampleCarrier(String baseUrl, String prefix) {
    this.baseUrl = baseUrl;
    this.prefix = prefix;
  }

  @Override
  public String carrier() {
    return "example-post";
  }

  @Override
  public boolean supports(String storefront, String fromCountry, String toCountry) {
    return COUNTRIES.contains(fromCountry) && COUNTRIES.contains(toCountry);
  }

  @Override
  public ReturnLabel createLabel(ReturnLabelRequest request) {
    requireNonNull(request, "request is null");
    // A real carrier calls its service here (with a timeout below the host's, reacting to
    // interruption); the example makes a unique tracking number and a link.
    String tracking =
        prefix + request.ticketNumber() + String.format("%010d", RANDOM.nextInt(1_000_000_000));
    if (!ReturnLabelLimits.isTrackingNumber(tracking)) {
      throw new IllegalStateException("tracking number out of the host's limits: " + tracking);
    }
    return ReturnLabel.ofUrl(carrier(), tracking, baseUrl + tracking + ".pdf");
  }
}
