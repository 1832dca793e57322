package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ticketdesk.application.port.in.IdempotencyKey;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.SearchTicketsUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.service.CoreSettings;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.application.testing.contract.Fixtures;
import io.ticketdesk.application.testing.contract.StorePorts;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real threads send one request under one Idempotency-Key through the service and the JDBI store:
 * the primary key of idempotency_keys lets exactly one write happen, and every thread answers it.
 */
abstract class AbstractIdempotentWriteConcurrencyTest {
  private static final int THREADS = 20;
  private static final long BUYER = 9;
  private StorePorts store;
  private TicketdeskCore core;
  private SellerId seller;
  private Order order;
  private Ticket ticket;

  abstract TestDatabase database();

  @BeforeEach
  void setUp() {
    store = database().freshPorts();
    seller = Fixtures.seller(store).id();
    order = Fixtures.storedOrder(store, seller, BUYER, 2);
    core =
        new TicketdeskCore(
            store,
            Carriers.none(),
            DefaultTextModuleSource.none(),
            PublicHolidays.none(),
            Clock.systemUTC(),
            CoreSettings.defaults());
    ticket = core.openTicket().open(buyer(), opening(0, null)).ticket();
  }

  private static Actor buyer() {
    return Actor.buyer(BuyerId.of(BUYER));
  }

  private OpenTicketUseCase.Command opening(int unit, String key) {
    return new OpenTicketUseCase.Command(
        List.of(order.units().get(unit).id()),
        null,
        TicketReason.PRODUCT_DEFECT,
        null,
        null,
        MessageText.of("The rack is scratched."),
        key == null ? null : IdempotencyKey.of(key));
  }

  @Test
  void twentyConcurrentPostsUnderOneKeyStoreOneMessageAndAllAnswerIt() throws Exception {
    var command =
        new PostMessageUseCase.Command(
            ticket.number(),
            MessageText.of("We send a new one today."),
            null,
            false,
            null,
            null,
            false,
            null,
            IdempotencyKey.of("same-message"));

    List<Object> outcomes =
        Race.run(
            Race.times(
                THREADS,
                () -> core.postMessage().post(Actor.seller(seller), command).message().id()));

    var chat = store.messages().list(seller, ticket.number(), true, 0, 100);
    assertEquals(2, chat.size(), "the opening message and one answer");
    assertEquals(Set.of(chat.get(1).id()), Set.copyOf(outcomes));
    assertEquals(
        ticket.version() + 1, store.tickets().find(ticket.number()).orElseThrow().version());
  }

  @Test
  void twentyConcurrentOpeningsUnderOneKeyOpenOneTicketAndAllAnswerIt() throws Exception {
    List<Object> outcomes =
        Race.run(
            Race.times(
                THREADS,
                () ->
                    core.openTicket().open(buyer(), opening(1, "same-ticket")).ticket().number()));

    List<Ticket> tickets =
        core.searchTickets().search(buyer(), SearchTicketsUseCase.Query.all()).items();
    assertEquals(2, tickets.size(), "the ticket of the set-up and one more: " + tickets);
    assertEquals(Set.of(tickets.get(0).number()), Set.copyOf(outcomes));
  }
}
