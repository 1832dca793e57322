package io.ticketdesk.application.service;

import static io.ticketdesk.application.service.World.ERIKA;
import static io.ticketdesk.application.service.World.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ticketdesk.application.port.in.EscalateTicketUseCase;
import io.ticketdesk.application.port.in.ManageTextModulesUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.EscalationReason;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModuleBody;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TextModuleReturnOption;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.UnitState;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Posting a message from a text module that makes a prepaid label: the carrier is called only after
 * every check that can refuse the message, so a refused message never makes a label.
 */
class PostMessagePipelineTest {
  /** A carrier that counts its calls and makes a label with a download URL. */
  static final class CountingCarrier implements Carriers {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public List<Carrier> list() {
      return List.of(new Carrier("counting", "test", "1.0"));
    }

    @Override
    public MadeLabel createLabel(String carrier, LabelRequest request) {
      int n = calls.incrementAndGet();
      return new MadeLabel(carrier, "TRACK" + n, null, "https://carrier.example/labels/" + n);
    }
  }

  final CountingCarrier carrier = new CountingCarrier();
  final World w = new World(carrier);
  final Seller rack = w.seller("Rack GmbH", Storefront.DE);
  final Actor seller = Actor.seller(rack.id());
  final Ticket ticket;
  final TextModuleId labelModule;

  PostMessagePipelineTest() {
    // A return request (refund) about a unit delivered three days ago: the policy applies.
    w.feed.feed(
        Actor.marketplace(),
        new Order(
            OrderNumber.of("A1"),
            Storefront.DE,
            rack.id(),
            new Buyer(ERIKA, "Erika Muster", "erika@example.org"),
            World.MONDAY_10_BERLIN.minus(Duration.ofDays(10)),
            List.of(
                new OrderUnit(
                    OrderUnitId.of(1),
                    "Bike rack",
                    "4006381333931",
                    Money.of(12_999, "EUR"),
                    UnitState.RECEIVED,
                    World.MONDAY_10_BERLIN.minus(Duration.ofDays(3))))));
    ticket =
        w.tickets
            .open(
                Actor.buyer(ERIKA),
                new OpenTicketUseCase.Command(
                    List.of(OrderUnitId.of(1)),
                    null,
                    TicketReason.PRODUCT_RETURN,
                    null,
                    ReturnIntent.REFUND,
                    MessageText.of("I revoke the purchase.")))
            .ticket();
    labelModule =
        w.core
            .manageTextModules()
            .create(
                seller,
                new ManageTextModulesUseCase.Draft(
                    Storefront.DE,
                    null,
                    "Etikett",
                    new TextModuleBody("Your label: {{returnLabel.url}}"),
                    new TextModuleReturnOption(ReturnOptionType.PREPAID_LABEL, "counting")))
            .id();
  }

  private PostMessageUseCase.Command fromModule(ReturnOffer offer) {
    return new PostMessageUseCase.Command(
        ticket.number(), null, labelModule, false, null, offer, false, null, null);
  }

  private int chatSize() {
    return w.store.messages().list(rack.id(), ticket.number(), true, 0, 100).size();
  }

  private boolean hasLabel() {
    return w.store.returnLabels().latest(rack.id(), ticket.number()).isPresent();
  }

  @Test
  void aMessageFromALabelModuleMakesTheLabelAndOffersIt() {
    PostMessageUseCase.Posted posted = w.tickets.post(seller, fromModule(ReturnOffer.NONE));

    assertEquals(1, carrier.calls.get());
    long labelId = posted.message().offer().options().get(0).labelId();
    assertEquals("Your label: https://carrier.example/labels/1", posted.message().text().value());
    assertEquals(
        labelId, w.store.returnLabels().latest(rack.id(), ticket.number()).orElseThrow().id());
  }

  @Test
  void anInvalidOfferIsRefusedBeforeTheCarrierIsCalled() {
    int before = chatSize();

    refused(
        ErrorCode.VALIDATION,
        () -> w.tickets.post(seller, fromModule(new ReturnOffer(List.of(), Money.of(500, "CZK")))));

    assertEquals(0, carrier.calls.get());
    assertFalse(hasLabel(), "no label stored");
    assertEquals(before, chatSize());
  }

  @Test
  void aTicketCustomerServiceLeadsRefusesTheMessageBeforeTheCarrierIsCalled() {
    w.core
        .escalateTicket()
        .escalate(
            seller,
            new EscalateTicketUseCase.Command(
                ticket.number(), EscalationReason.CANNOT_HELP_FURTHER, null, null));
    int before = chatSize();

    refused(ErrorCode.CONFLICT, () -> w.tickets.post(seller, fromModule(ReturnOffer.NONE)));

    assertEquals(0, carrier.calls.get());
    assertFalse(hasLabel(), "no label stored");
    assertEquals(before, chatSize());
  }

  @Test
  void aStaleIfMatchIsRefusedBeforeTheCarrierIsCalled() {
    refused(
        ErrorCode.PRECONDITION_FAILED,
        () ->
            w.tickets.post(
                seller,
                new PostMessageUseCase.Command(
                    ticket.number(),
                    null,
                    labelModule,
                    false,
                    ticket.version() + 5,
                    ReturnOffer.NONE,
                    false,
                    null,
                    null)));

    assertEquals(0, carrier.calls.get());
  }
}
