package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.ReturnPolicyOutcomesContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryReturnPolicyOutcomesContractTest extends ReturnPolicyOutcomesContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
