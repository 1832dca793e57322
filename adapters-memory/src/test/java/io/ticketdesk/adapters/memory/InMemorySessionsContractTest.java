package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.SessionsContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemorySessionsContractTest extends SessionsContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
