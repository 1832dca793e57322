package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.IdempotencyKeysContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryIdempotencyKeysContractTest extends IdempotencyKeysContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
