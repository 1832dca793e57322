package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.StorePorts;

/** Adapts an {@link InMemoryStore} to the contract tests. */
final class InMemoryStores {
  private InMemoryStores() {}

  static StorePorts ports(InMemoryStore s) {
    return new StorePorts(
        s.sellers(),
        s.accessTokens(),
        s.orders(),
        s.tickets(),
        s.messages(),
        s.transactions(),
        s.systemState(),
        s.responseTimes(),
        s.textModules(),
        s.ledger(),
        s.idempotencyKeys(),
        s.returnLabels(),
        s.returnPolicyOutcomes(),
        s.exchangeRates(),
        s.outbox(),
        s.leases(),
        s.sessions(),
        s.webhookEndpoints(),
        s.webhookDeliveries());
  }
}
