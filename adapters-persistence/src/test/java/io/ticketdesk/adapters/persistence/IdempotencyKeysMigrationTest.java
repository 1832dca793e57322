package io.ticketdesk.adapters.persistence;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.port.out.IdempotencyKeys.Key;
import io.ticketdesk.application.port.out.IdempotencyKeys.Use;
import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.CostBearer;
import io.ticketdesk.domain.LedgerEntry;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V10 scopes idempotency keys per caller: the keys of refunds and cancellations stored before keep
 * answering their caller (the seller, or customer service) with their ledger entry.
 */
class IdempotencyKeysMigrationTest {
  private static final String FINGERPRINT = "a".repeat(64);

  @Test
  void onH2() throws SQLException {
    keysOfEarlierRefundsSurviveTheMigration(TestDatabases.emptyH2());
  }

  @Test
  void onPostgres() throws SQLException {
    keysOfEarlierRefundsSurviveTheMigration(TestDatabases.emptyPostgres());
  }

  private void keysOfEarlierRefundsSurviveTheMigration(TestDatabase test) throws SQLException {
    try (test) {
      Flyway.configure()
          .dataSource(test.config().url(), test.config().user(), test.config().password())
          .locations(
              "classpath:db/migration/common", "classpath:db/migration/" + test.database().vendor())
          .target("8")
          .load()
          .migrate();
      StorePorts store = test.freshPorts();
      SellerId seller = Fixtures.seller(store).id();
      Order order = Fixtures.storedOrder(store, seller, 9, 1);
      Ticket ticket = Fixtures.ticket(store.tickets().nextNumber(), order).build();
      insertAtVersion8(test, ticket);
      long bySeller = refund(store, order, ticket, AuthorRole.SELLER);
      long byService = refund(store, order, ticket, AuthorRole.CUSTOMER_SERVICE);
      try (Connection c = test.connect();
          PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO idempotency_keys (seller_id, idem_key, fingerprint, entry_id,"
                      + " created_at) VALUES (?, ?, ?, ?, ?)")) {
        for (long entry : new long[] {bySeller, byService}) {
          insert.setLong(1, seller.value());
          insert.setString(2, "key-" + entry);
          insert.setString(3, FINGERPRINT);
          insert.setLong(4, entry);
          insert.setObject(5, at(1).atOffset(ZoneOffset.UTC));
          insert.executeUpdate();
        }
      }

      test.database().migrate();

      IdempotencyKeys keys = test.database().idempotencyKeys();
      Key sellers = new Key(seller, "seller:" + seller.value(), "key-" + bySeller);
      Key services = new Key(seller, "customer_service", "key-" + byService);
      assertEquals(
          Optional.of(new Use(FINGERPRINT, Long.toString(bySeller), at(1))), keys.find(sellers));
      assertEquals(
          Optional.of(new Use(FINGERPRINT, Long.toString(byService), at(1))), keys.find(services));
      // The same key is another caller's own now.
      Key othersKey = new Key(seller, "customer_service", "key-" + bySeller);
      assertEquals(Optional.empty(), keys.find(othersKey));
      keys.add(othersKey, new Use(FINGERPRINT, "x", at(2)));
      assertEquals("x", keys.find(othersKey).orElseThrow().result());
    }
  }

  private static long refund(StorePorts store, Order order, Ticket ticket, AuthorRole author) {
    return store
        .ledger()
        .appendRefund(
            new LedgerEntry.Draft(
                order.sellerId(),
                order.number(),
                order.units().get(0).id(),
                LedgerEntry.Kind.REFUND,
                Money.of(1, order.units().get(0).price().currency()),
                CostBearer.SELLER,
                "defect",
                ticket.number(),
                author,
                at(0)))
        .orElseThrow()
        .id();
  }

  /** The ticket's row as the schema of V8 has it (the adapter writes today's columns). */
  private static void insertAtVersion8(TestDatabase test, Ticket t) throws SQLException {
    try (Connection c = test.connect();
        PreparedStatement ticket =
            c.prepareStatement(
                "INSERT INTO tickets (seller_id, ticket_number, buyer_id, storefront,"
                    + " order_number, reason, status, waiting_on, closed_finally, created_at,"
                    + " updated_at, open_since, response_due_at, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement unit =
            c.prepareStatement(
                "INSERT INTO ticket_units (seller_id, ticket_number, pos, order_unit_id)"
                    + " VALUES (?, ?, ?, ?)")) {
      ticket.setLong(1, t.sellerId().value());
      ticket.setString(2, t.number().value());
      ticket.setLong(3, t.buyerId().value());
      ticket.setString(4, t.storefront().code());
      ticket.setString(5, t.orderNumber().value());
      ticket.setString(6, t.reason().wire());
      ticket.setString(7, t.status().wire());
      ticket.setString(8, t.waitingOn() == null ? null : t.waitingOn().wire());
      ticket.setBoolean(9, t.closedFinally());
      ticket.setObject(10, t.createdAt().atOffset(ZoneOffset.UTC));
      ticket.setObject(11, t.updatedAt().atOffset(ZoneOffset.UTC));
      ticket.setObject(12, t.openSince() == null ? null : t.openSince().atOffset(ZoneOffset.UTC));
      ticket.setObject(
          13, t.responseDueAt() == null ? null : t.responseDueAt().atOffset(ZoneOffset.UTC));
      ticket.setLong(14, t.version());
      ticket.executeUpdate();
      for (int i = 0; i < t.orderUnitIds().size(); i++) {
        unit.setLong(1, t.sellerId().value());
        unit.setString(2, t.number().value());
        unit.setInt(3, i);
        unit.setLong(4, t.orderUnitIds().get(i).value());
        unit.executeUpdate();
      }
    }
  }
}
