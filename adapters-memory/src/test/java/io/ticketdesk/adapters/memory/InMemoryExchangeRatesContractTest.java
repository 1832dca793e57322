package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.ExchangeRatesContractTest;
import io.ticketdesk.application.testing.contract.StorePorts;

class InMemoryExchangeRatesContractTest extends ExchangeRatesContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
