package io.ticketdesk.application.port.out;

import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The registered sellers. */
public interface Sellers {
  /** Registers a seller under a new, never reused id. */
  Seller register(
      String name, Set<Storefront> storefronts, ReturnAddress returnAddress, Instant at);

  Optional<Seller> find(SellerId id);
}
