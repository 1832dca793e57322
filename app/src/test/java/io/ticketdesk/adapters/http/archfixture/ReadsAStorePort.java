package io.ticketdesk.adapters.http.archfixture;

import io.ticketdesk.application.port.out.Tickets;

/** An HTTP adapter class reaching past the use cases into a store port: the rules refuse it. */
public final class ReadsAStorePort {
  private final Tickets tickets;

  ReadsAStorePort(Tickets tickets) {
    this.tickets = tickets;
  }

  Tickets tickets() {
    return tickets;
  }
}
