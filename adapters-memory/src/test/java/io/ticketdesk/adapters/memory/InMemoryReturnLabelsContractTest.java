package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.ReturnLabelsContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryReturnLabelsContractTest extends ReturnLabelsContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
