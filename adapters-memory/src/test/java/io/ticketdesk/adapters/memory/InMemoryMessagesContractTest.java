package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.MessagesContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryMessagesContractTest extends MessagesContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
