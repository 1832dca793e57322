package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.AccessTokensContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryAccessTokensContractTest extends AccessTokensContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
