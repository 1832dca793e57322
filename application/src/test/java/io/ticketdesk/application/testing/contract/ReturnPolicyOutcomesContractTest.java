package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.PolicyPhase;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.ReturnPolicyOutcome;
import io.ticketdesk.domain.Ticket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link io.ticketdesk.application.port.out.ReturnPolicyOutcomes}, and of the
 * return options and discounts that {@link io.ticketdesk.application.port.out.Messages} store.
 */
public abstract class ReturnPolicyOutcomesContractTest {
  protected StorePorts store;
  private Ticket ticket;
  private Ticket otherTicket;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    var seller = Fixtures.seller(store).id();
    var order = Fixtures.storedOrder(store, seller, 1, 1);
    ticket = Fixtures.ticket(store.tickets().nextNumber(), order).build();
    otherTicket = Fixtures.ticket(store.tickets().nextNumber(), order).build();
    store.tickets().add(ticket);
    store.tickets().add(otherTicket);
  }

  @Test
  void aBreachComesBackWithItsRecoveryDeadline() {
    ReturnPolicyOutcome breach = ReturnPolicyOutcome.breach(ticket, at(1));
    store.returnPolicyOutcomes().record(breach);

    ReturnPolicyOutcome found =
        store.returnPolicyOutcomes().find(ticket.sellerId(), ticket.number()).orElseThrow();
    assertEquals(breach, found);
    assertEquals(at(1).plus(ReturnOptionPolicy.RECOVERY_WINDOW), found.recoveryDeadline());
    assertTrue(
        store.returnPolicyOutcomes().find(otherTicket.sellerId(), otherTicket.number()).isEmpty());
  }

  @Test
  void thePageOfOutcomesHoldsOnlyTicketsWithOneOfThisSeller() {
    ReturnPolicyOutcome breach = ReturnPolicyOutcome.breach(ticket, at(1));
    store.returnPolicyOutcomes().record(breach);

    assertEquals(
        Map.of(ticket.number(), breach),
        store
            .returnPolicyOutcomes()
            .findAll(ticket.sellerId(), List.of(otherTicket.number(), ticket.number())));
    assertEquals(
        Map.of(),
        store
            .returnPolicyOutcomes()
            .findAll(io.ticketdesk.domain.SellerId.of(999_999), List.of(ticket.number())));
    assertEquals(Map.of(), store.returnPolicyOutcomes().findAll(ticket.sellerId(), List.of()));
  }

  @Test
  void aTicketHasOneOutcomeOnly() {
    store
        .returnPolicyOutcomes()
        .record(ReturnPolicyOutcome.of(ticket, PolicyPhase.TRANSITIONAL, false, at(1)));

    assertThrows(
        DuplicateKeyException.class,
        () ->
            store
                .returnPolicyOutcomes()
                .record(ReturnPolicyOutcome.of(ticket, PolicyPhase.ENFORCED, true, at(2))));
    assertEquals(
        PolicyPhase.TRANSITIONAL,
        store
            .returnPolicyOutcomes()
            .find(ticket.sellerId(), ticket.number())
            .orElseThrow()
            .phase());
  }

  @Test
  void aLaterAnswersOutcomeReplacesAnEarlierOneButNeverABreach() {
    var outcomes = store.returnPolicyOutcomes();
    ReturnPolicyOutcome breach = ReturnPolicyOutcome.breach(ticket, at(3));
    assertFalse(outcomes.replace(breach), "nothing to replace");
    assertTrue(outcomes.find(ticket.sellerId(), ticket.number()).isEmpty());

    outcomes.record(ReturnPolicyOutcome.of(ticket, PolicyPhase.ENFORCED, true, at(1)));
    assertTrue(outcomes.replace(breach));
    assertEquals(breach, outcomes.find(ticket.sellerId(), ticket.number()).orElseThrow());

    assertFalse(
        outcomes.replace(ReturnPolicyOutcome.of(ticket, PolicyPhase.ENFORCED, true, at(4))),
        "a breach stands");
    assertEquals(breach, outcomes.find(ticket.sellerId(), ticket.number()).orElseThrow());
    assertTrue(outcomes.find(otherTicket.sellerId(), otherTicket.number()).isEmpty());
  }

  @Test
  void aMessageKeepsTheReturnOptionsAndDiscountItOffered() {
    ReturnOffer offer =
        new ReturnOffer(
            List.of(
                new ReturnOption(ReturnOptionType.PREPAID_LABEL, 42L, null, null),
                new ReturnOption(
                    ReturnOptionType.LABEL_URL, null, "https://labels.example/x.pdf", null),
                new ReturnOption(
                    ReturnOptionType.REFUND_WITHOUT_RETURN,
                    null,
                    null,
                    ticket.orderUnitIds().get(0)),
                new ReturnOption(
                    ReturnOptionType.SELLER_ADDRESS,
                    null,
                    null,
                    null,
                    new io.ticketdesk.domain.ReturnAddress(
                        "Retourenlager Süd", "Lagerweg 5", "04109", "Leipzig", "DE"))),
            Money.of(500, "EUR"));
    store
        .messages()
        .add(
            ticket.sellerId(),
            ticket.number(),
            AuthorRole.BUYER,
            MessageText.of("hi"),
            false,
            at(0));
    Message added =
        store
            .messages()
            .add(
                ticket.sellerId(),
                ticket.number(),
                AuthorRole.SELLER,
                MessageText.of("Here is a label, or keep it for 5 EUR off"),
                false,
                at(1),
                offer);
    store
        .messages()
        .add(
            otherTicket.sellerId(),
            otherTicket.number(),
            AuthorRole.SELLER,
            MessageText.of("other"),
            false,
            at(2),
            new ReturnOffer(List.of(ReturnOption.of(ReturnOptionType.LABEL_IN_PACKAGE)), null));

    List<Message> listed = store.messages().list(ticket.sellerId(), ticket.number(), true, 0, 10);
    assertEquals(2, listed.size());
    assertEquals(ReturnOffer.NONE, listed.get(0).offer());
    assertEquals(offer, listed.get(1).offer());
    assertEquals(added, listed.get(1));
    List<Message> after =
        store.messages().list(ticket.sellerId(), ticket.number(), true, added.id() - 1, 1);
    assertEquals(offer, after.get(0).offer());
  }
}
