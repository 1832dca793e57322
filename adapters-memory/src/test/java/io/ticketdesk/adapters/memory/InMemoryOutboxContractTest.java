package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.OutboxContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryOutboxContractTest extends OutboxContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
