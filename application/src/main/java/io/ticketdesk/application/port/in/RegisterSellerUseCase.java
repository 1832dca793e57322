package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Validation;
import java.util.Set;

/** Use case: the marketplace registers a seller on one or more storefronts. */
public interface RegisterSellerUseCase {
  Seller register(Actor actor, Command command);

  /** What a new seller is registered with. */
  record Command(String name, Set<Storefront> storefronts, ReturnAddress returnAddress) {
    public Command {
      Validation.requiredText(name, "name", 200);
      Validation.required(storefronts, "storefronts");
      if (storefronts.isEmpty()) {
        throw Validation.invalid("storefronts must name at least one storefront");
      }
      storefronts = Set.copyOf(storefronts);
      Validation.required(returnAddress, "returnAddress");
    }
  }
}
