package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.OrdersContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryOrdersContractTest extends OrdersContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
