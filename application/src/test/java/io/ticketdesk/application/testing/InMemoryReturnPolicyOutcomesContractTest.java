package io.ticketdesk.application.testing;

import io.ticketdesk.application.testing.contract.ReturnPolicyOutcomesContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryReturnPolicyOutcomesContractTest extends ReturnPolicyOutcomesContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
