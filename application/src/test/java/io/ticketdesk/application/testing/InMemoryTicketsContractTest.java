package io.ticketdesk.application.testing;

import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.application.testing.contract.TicketsContractTest;

class InMemoryTicketsContractTest extends TicketsContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
