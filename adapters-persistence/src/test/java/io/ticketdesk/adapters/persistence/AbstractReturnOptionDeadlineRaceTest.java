package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.in.EnforceReturnOptionDeadlinesUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.service.CoreSettings;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three instances of the core on one database enforce the return-option deadlines at once, while
 * the seller answers some of the overdue return requests with a valid option: every ticket ends
 * with exactly one outcome, at most one breach, and the cancellations of a breach exactly once.
 */
abstract class AbstractReturnOptionDeadlineRaceTest {
  private static final int TICKETS = 12;

  /** Three days after the tickets' creation (Fixtures.T0, enforced): their deadlines passed. */
  private static final Instant NOW = Fixtures.T0.plus(Duration.ofDays(3));

  private StorePorts store;
  private SellerId seller;
  private final List<Ticket> tickets = new ArrayList<>();

  abstract TestDatabase database();

  @BeforeEach
  void setUp() {
    store = database().freshPorts();
    seller = Fixtures.seller(store).id();
    tickets.clear();
    for (int i = 0; i < TICKETS; i++) {
      Order order = Fixtures.storedOrder(store, seller, 9, 2);
      Ticket t =
          Fixtures.ticket(store.tickets().nextNumber(), order)
              .reason(TicketReason.PRODUCT_RETURN)
              .open(Fixtures.T0.plus(Duration.ofHours(48)))
              .build();
      store.tickets().add(t);
      tickets.add(t);
    }
  }

  private TicketdeskCore core(String node) {
    return new TicketdeskCore(
        store,
        Carriers.none(),
        DefaultTextModuleSource.none(),
        PublicHolidays.none(),
        Clock.fixed(NOW, ZoneOffset.UTC),
        CoreSettings.defaults().withNode(node));
  }

  @Test
  void everyOverdueReturnRequestGetsOneOutcomeAndABreachAtMostOnce() throws Exception {
    List<TicketdeskCore> instances = List.of(core("node-a"), core("node-b"), core("node-c"));
    List<Callable<Object>> calls = new ArrayList<>();
    for (int round = 0; round < 2; round++) {
      for (TicketdeskCore c : instances) {
        EnforceReturnOptionDeadlinesUseCase s = c.enforceReturnOptionDeadlines();
        calls.add(s::enforceDue);
      }
    }
    for (int i = 0; i < TICKETS; i += 3) {
      Ticket t = tickets.get(i);
      calls.add(
          () ->
              instances
                  .get(0)
                  .postMessage()
                  .post(
                      Actor.seller(seller),
                      new PostMessageUseCase.Command(
                          t.number(),
                          MessageText.of("The label is in the parcel."),
                          null,
                          false,
                          null,
                          new ReturnOffer(
                              List.of(ReturnOption.of(ReturnOptionType.LABEL_IN_PACKAGE)), null),
                          false,
                          null,
                          null))
                  .warnings()
                  .size());
    }

    List<Object> outcomes = Race.run(calls);

    int recorded = 0;
    for (int i = 0; i < 6; i++) {
      recorded += (Integer) outcomes.get(i);
    }
    for (TicketdeskCore c : instances) {
      recorded += c.enforceReturnOptionDeadlines().enforceDue(); // what lost a race, once
    }
    int breached = 0;
    for (Ticket t : tickets) {
      ReturnPolicyOutcome o =
          store.returnPolicyOutcomes().find(seller, t.number()).orElseThrow(AssertionError::new);
      long breachEvents =
          store.outbox().ofTicket(seller, t.number()).stream()
              .map(DomainEvent::type)
              .filter(EventType.RETURN_POLICY_BREACHED::equals)
              .count();
      int ledger = store.ledger().entries(seller, t.orderNumber()).size();
      if (o.breached()) {
        breached++;
        assertEquals(1, breachEvents, t.number().value());
        assertEquals(2, ledger, "both units cancelled once: " + t.number().value());
      } else {
        assertTrue(o.satisfied(), t.number().value());
        assertEquals(0, breachEvents, t.number().value());
        assertEquals(0, ledger, t.number().value());
      }
    }
    assertEquals(breached, recorded);
    assertTrue(breached >= TICKETS - TICKETS / 3, "unanswered tickets are all sanctioned");
  }
}
