package io.ticketdesk.adapters.memory;

import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.application.testing.contract.WebhooksContractTest;

class InMemoryWebhooksContractTest extends WebhooksContractTest {
  @Override
  protected StorePorts newStore() {
    return InMemoryStores.ports(new InMemoryStore());
  }
}
