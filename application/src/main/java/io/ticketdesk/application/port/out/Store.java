package io.ticketdesk.application.port.out;

/**
 * One store's implementations of every persistence port (e.g. the in-memory store, the H2 or
 * PostgreSQL database): what the core is built from besides carriers, default text modules,
 * holidays and the clock.
 */
public interface Store {
  Sellers sellers();

  AccessTokens accessTokens();

  Orders orders();

  Tickets tickets();

  Messages messages();

  Transactions transactions();

  SystemState systemState();

  ResponseTimes responseTimes();

  TextModules textModules();

  Ledger ledger();

  IdempotencyKeys idempotencyKeys();

  ReturnLabels returnLabels();

  ReturnPolicyOutcomes returnPolicyOutcomes();

  /** The reference exchange rates per currency and day. */
  ExchangeRates exchangeRates();

  /** The transactional outbox of events. */
  Outbox outbox();

  /** Leases on cluster-wide background work (one node at a time does each piece of it). */
  Leases leases();

  /** The browser sessions (a session cookie standing for an access token). */
  Sessions sessions();

  /** The registered webhook endpoints. */
  WebhookEndpoints webhookEndpoints();

  /** The deliveries of events to webhook endpoints. */
  WebhookDeliveries webhookDeliveries();
}
