package io.ticketdesk.application.testing.contract;

import static io.ticketdesk.application.testing.contract.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link io.ticketdesk.application.port.out.ReturnLabels}. */
public abstract class ReturnLabelsContractTest {
  static final byte[] PDF = "%PDF-1.7\nlabel\n%%EOF".getBytes(StandardCharsets.US_ASCII);

  protected StorePorts store;
  private SellerId seller;
  private SellerId otherSeller;
  private TicketNumber ticket;
  private TicketNumber otherTicket;

  /** A store with no data. */
  protected abstract StorePorts newStore();

  @BeforeEach
  void setUp() {
    store = newStore();
    seller = Fixtures.seller(store).id();
    otherSeller = Fixtures.seller(store).id();
    ticket = addTicket(seller);
    otherTicket = addTicket(otherSeller);
  }

  private TicketNumber addTicket(SellerId owner) {
    Ticket t =
        Fixtures.ticket(store.tickets().nextNumber(), Fixtures.storedOrder(store, owner, 1, 1))
            .build();
    store.tickets().add(t);
    return t.number();
  }

  private ReturnLabel pdf(SellerId s, TicketNumber t, String tracking, long minute) {
    return new ReturnLabel(0, s, t, "ticketdesk-pdf", tracking, PDF, null, at(minute));
  }

  @Test
  void aPdfLabelComesBackByteForByteUnderANewId() {
    ReturnLabel added = store.returnLabels().add(pdf(seller, ticket, "TD1", 1));

    assertTrue(added.id() > 0);
    ReturnLabel found = store.returnLabels().find(seller, added.id()).orElseThrow();
    assertEquals(added, found);
    assertArrayEquals(PDF, found.pdf());
    assertEquals("TD1", found.trackingNumber());
    assertEquals(at(1), found.createdAt());
  }

  @Test
  void aUrlLabelKeepsItsUrl() {
    ReturnLabel added =
        store
            .returnLabels()
            .add(
                new ReturnLabel(
                    0,
                    seller,
                    ticket,
                    "http-carrier",
                    "HC1",
                    null,
                    "https://l.example/1.pdf",
                    at(1)));

    ReturnLabel found = store.returnLabels().find(added.id()).orElseThrow();
    assertEquals("https://l.example/1.pdf", found.downloadUrl());
    assertTrue(found.pdfBytes().isEmpty());
  }

  @Test
  void aSellerFindsOnlyItsOwnLabelsButTheIdFindsAny() {
    ReturnLabel other = store.returnLabels().add(pdf(otherSeller, otherTicket, "TD2", 1));

    assertTrue(store.returnLabels().find(seller, other.id()).isEmpty());
    assertEquals(other, store.returnLabels().find(other.id()).orElseThrow());
    assertTrue(store.returnLabels().find(other.id() + 1000).isEmpty());
  }

  @Test
  void latestIsTheTicketsMostRecentLabel() {
    assertTrue(store.returnLabels().latest(seller, ticket).isEmpty());
    ReturnLabel first = store.returnLabels().add(pdf(seller, ticket, "TD1", 1));
    ReturnLabel second = store.returnLabels().add(pdf(seller, ticket, "TD2", 2));
    store.returnLabels().add(pdf(otherSeller, otherTicket, "TD3", 3));

    assertNotEquals(first.id(), second.id());
    assertEquals("TD2", store.returnLabels().latest(seller, ticket).orElseThrow().trackingNumber());
  }

  @Test
  void aLargePdfSurvivesTheRoundTrip() {
    byte[] big = Arrays.copyOf(PDF, ReturnLabel.MAX_PDF_BYTES);
    ReturnLabel added =
        store
            .returnLabels()
            .add(new ReturnLabel(0, seller, ticket, ReturnLabel.UPLOADED, "UP1", big, null, at(1)));

    assertArrayEquals(big, store.returnLabels().find(seller, added.id()).orElseThrow().pdf());
  }
}
