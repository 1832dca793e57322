package io.ticketdesk.application.testing.contract;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.port.out.Leases;
import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.application.port.out.ResponseTimes;
import io.ticketdesk.application.port.out.ReturnLabels;
import io.ticketdesk.application.port.out.ReturnPolicyOutcomes;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Sessions;
import io.ticketdesk.application.port.out.Store;
import io.ticketdesk.application.port.out.SystemState;
import io.ticketdesk.application.port.out.TextModules;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.application.port.out.WebhookEndpoints;

/** One store's implementations of every outgoing port, as the contract tests use them. */
public record StorePorts(
    Sellers sellers,
    AccessTokens accessTokens,
    Orders orders,
    Tickets tickets,
    Messages messages,
    Transactions transactions,
    SystemState systemState,
    ResponseTimes responseTimes,
    TextModules textModules,
    Ledger ledger,
    IdempotencyKeys idempotencyKeys,
    ReturnLabels returnLabels,
    ReturnPolicyOutcomes returnPolicyOutcomes,
    ExchangeRates exchangeRates,
    Outbox outbox,
    Leases leases,
    Sessions sessions,
    WebhookEndpoints webhookEndpoints,
    WebhookDeliveries webhookDeliveries)
    implements Store {
  public StorePorts {
    requireNonNull(sellers, "sellers is null");
    requireNonNull(accessTokens, "accessTokens is null");
    requireNonNull(orders, "orders is null");
    requireNonNull(tickets, "tickets is null");
    requireNonNull(messages, "messages is null");
    requireNonNull(transactions, "transactions is null");
    requireNonNull(systemState, "systemState is null");
    requireNonNull(responseTimes, "responseTimes is null");
    requireNonNull(textModules, "textModules is null");
    requireNonNull(ledger, "ledger is null");
    requireNonNull(idempotencyKeys, "idempotencyKeys is null");
    requireNonNull(returnLabels, "returnLabels is null");
    requireNonNull(returnPolicyOutcomes, "returnPolicyOutcomes is null");
    requireNonNull(exchangeRates, "exchangeRates is null");
    requireNonNull(outbox, "outbox is null");
    requireNonNull(leases, "leases is null");
    requireNonNull(sessions, "sessions is null");
    requireNonNull(webhookEndpoints, "webhookEndpoints is null");
    requireNonNull(webhookDeliveries, "webhookDeliveries is null");
  }
}
