package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Seller;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/** Registers sellers. */
public final class SellerService implements RegisterSellerUseCase {
  private final Sellers sellers;
  private final Transactions tx;
  private final Clock clock;

  public SellerService(Sellers sellers, Transactions tx, Clock clock) {
    this.sellers = requireNonNull(sellers, "sellers is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public Seller register(Actor actor, Command command) {
    Access.require(actor, "register sellers", Role.MARKETPLACE);
    return tx.inTransaction(
        () ->
            sellers.register(
                command.name(),
                command.storefronts(),
                command.returnAddress(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
  }
}
