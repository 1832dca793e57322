package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.LedgerContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryLedgerContractTest extends LedgerContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
