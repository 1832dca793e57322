package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.application.testing.contract.TextModulesContractTest;

class InMemoryTextModulesContractTest extends TextModulesContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
