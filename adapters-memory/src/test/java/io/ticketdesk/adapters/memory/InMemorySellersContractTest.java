package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.SellersContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemorySellersContractTest extends SellersContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
