package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.LeasesContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryLeasesContractTest extends LeasesContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
