package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Ticket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * {@link Db#reading}: the reads of one request run on one pooled connection, held from the scope's
 * start to its end, and given back after it (the transaction semantics are in the Transactions
 * contract).
 */
abstract class AbstractReadingScopeTest {
  protected abstract TestDatabase database();

  private String session(Db db, Handle h) {
    String sql = db.h2() ? "SELECT SESSION_ID()" : "SELECT pg_backend_pid()";
    return h.createQuery(sql).mapTo(String.class).one();
  }

  @Test
  void theReadsOfAScopeRunOnOneConnectionThatNoOtherReadGetsMeanwhile() throws Exception {
    Db db = database().database().db();

    String[] seen =
        db.reading(
            () -> {
              String first = db.read(h -> session(db, h));
              // Another thread's read meanwhile: the scope's connection is not back in the pool.
              String other =
                  CompletableFuture.supplyAsync(() -> db.read(h -> session(db, h))).join();
              String transaction = db.write(h -> session(db, h));
              String last = db.read(h -> session(db, h));
              return new String[] {first, other, transaction, last};
            });

    assertNotEquals(seen[0], seen[1], "another thread's read used the scope's connection");
    assertEquals(seen[0], seen[2], "a write inside the scope took a connection of its own");
    assertEquals(seen[0], seen[3], "a later read inside the scope took a connection of its own");
  }

  @Test
  void aScopeGivesItsConnectionBackWhenItsWorkFails() throws Exception {
    Db db = database().database().db();
    int rounds = 40; // more than any pool here: a connection kept per failed scope would run out

    for (int i = 0; i < rounds; i++) {
      try {
        db.reading(
            () -> {
              db.read(h -> session(db, h));
              throw new IllegalStateException("the request failed");
            });
      } catch (IllegalStateException expected) {
        // the work's own failure, as it is
      }
    }

    assertEquals(
        "1",
        CompletableFuture.supplyAsync(
                () -> db.read(h -> h.createQuery("SELECT 1").mapTo(String.class).one()))
            .get(10, TimeUnit.SECONDS));
  }

  @Test
  void aTicketReadInAScopeBringsItsBuyersNameAlongAndTheNameIsNotReadAgain() throws Exception {
    StorePorts store = database().freshPorts();
    Seller seller = Fixtures.seller(store);
    Order order = Fixtures.storedOrder(store, seller.id(), 1, 1);
    Ticket ticket = Fixtures.ticket(store.tickets().nextNumber(), order).build();
    store.tickets().add(ticket);
    Db db = database().database().db();

    String inScope =
        db.reading(
            () -> {
              store.tickets().find(seller.id(), ticket.number()).orElseThrow();
              // Behind the scope's back (orders never change their buyer; this test does, to see
              // whether the name is read again):
              rename(order, "Renamed Meanwhile");
              return store
                  .orders()
                  .buyerNames(seller.id(), List.of(order.number()))
                  .get(order.number());
            });

    assertEquals(order.buyer().name(), inScope, "the name read with the ticket");
    assertEquals(
        "Renamed Meanwhile",
        store.orders().buyerNames(seller.id(), List.of(order.number())).get(order.number()),
        "outside a scope the name is read");
  }

  private void rename(Order order, String name) {
    try (Connection c = database().connect();
        PreparedStatement st =
            c.prepareStatement("UPDATE orders SET buyer_name = ? WHERE order_number = ?")) {
      st.setString(1, name);
      st.setString(2, order.number().value());
      assertEquals(1, st.executeUpdate());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
