package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.application.testing.contract.TicketsContractTest;

class InMemoryTicketsContractTest extends TicketsContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
