package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.ServiceLevelContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryServiceLevelContractTest extends ServiceLevelContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
