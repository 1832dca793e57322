package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.application.testing.contract.TransactionsContractTest;

class InMemoryTransactionsContractTest extends TransactionsContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
