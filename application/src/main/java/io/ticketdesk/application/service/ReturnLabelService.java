package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.CreateReturnLabelUseCase;
import io.ticketdesk.application.port.in.DownloadReturnLabelUseCase;
import io.ticketdesk.application.port.in.ListCarriersUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.ReturnLabels;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SystemEvent;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Return labels for tickets: the loaded carriers, making and uploading labels, downloading them.
 */
public final class ReturnLabelService
    implements ListCarriersUseCase, CreateReturnLabelUseCase, DownloadReturnLabelUseCase {
  /** Where the HTTP API serves a stored PDF label; the text modules' {@code returnLabel.url}. */
  public static final String PDF_PATH = "/api/v1/return-labels/";

  private final Carriers carriers;
  private final ReturnLabels labels;
  private final Tickets tickets;
  private final Orders orders;
  private final Sellers sellers;
  private final SystemMessages systemMessages;
  private final Transactions tx;
  private final Clock clock;

  public ReturnLabelService(
      Carriers carriers,
      ReturnLabels labels,
      Tickets tickets,
      Orders orders,
      Sellers sellers,
      Messages messages,
      Transactions tx,
      Clock clock) {
    this.carriers = requireNonNull(carriers, "carriers is null");
    this.labels = requireNonNull(labels, "labels is null");
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.orders = requireNonNull(orders, "orders is null");
    this.sellers = requireNonNull(sellers, "sellers is null");
    this.systemMessages = new SystemMessages(messages);
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The link to a label: the carrier's https URL, or the API path of the stored PDF. */
  public static String link(ReturnLabel label) {
    return label.url().orElse(PDF_PATH + label.id());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public List<LoadedCarrier> carriers(Actor actor) {
    if (actor == null) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, "authentication required");
    }
    return carriers.list().stream()
        .map(c -> new LoadedCarrier(c.carrier(), c.plugin(), c.version()))
        .toList();
  }

  @Override
  public ReturnLabel create(Actor actor, Command command) {
    Access.require(actor, "make return labels", Role.SELLER);
    requireNonNull(command, "command is null");
    Carriers.LabelRequest request =
        tx.inTransaction(
            () -> request(actor, ticket(actor, command.ticketNumber()), command.orderUnitIds()));
    Carriers.MadeLabel made = make(command.carrier(), request);
    return store(
        actor,
        command.ticketNumber(),
        made.carrier(),
        made.trackingNumber(),
        made.pdf(),
        made.downloadUrl());
  }

  /**
   * What a carrier needs to make a label for the ticket's units ({@code orderUnitIds}, or all of
   * them when empty); joins the caller's transaction.
   */
  Carriers.LabelRequest request(Actor actor, Ticket ticket, List<OrderUnitId> orderUnitIds) {
    Access.require(actor, "make return labels", Role.SELLER);
    if (ticket.isClosed()) {
      throw closed(ticket.number());
    }
    Order order = order(ticket);
    Seller seller =
        sellers
            .find(ticket.sellerId())
            .orElseThrow(() -> Access.notFound("seller " + ticket.sellerId().value()));
    List<OrderUnitId> ids = orderUnitIds.isEmpty() ? ticket.orderUnitIds() : orderUnitIds;
    List<Carriers.Item> items = new ArrayList<>();
    for (OrderUnitId id : ids) {
      if (!ticket.orderUnitIds().contains(id)) {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "order unit " + id.value() + " is not part of ticket " + ticket.number().value(),
            Map.of("field", "orderUnitIds"));
      }
      OrderUnit u = order.unit(id).orElseThrow();
      items.add(new Carriers.Item(u.id(), u.title(), u.ean()));
    }
    return new Carriers.LabelRequest(
        ticket.number(),
        order.number().value(),
        ticket.storefront(),
        seller.name(),
        seller.returnAddress(),
        order.buyer().name(),
        ticket.storefront().country(),
        seller.returnAddress().country(),
        items);
  }

  /**
   * Has the carrier make a label without storing it; call it outside any transaction (the carrier
   * may take seconds). {@link #store(Ticket, Carriers.MadeLabel, Instant)} stores it.
   */
  Carriers.MadeLabel make(String carrier, Carriers.LabelRequest request) {
    return carriers.createLabel(carrier, request);
  }

  /**
   * Stores a label the carrier made with the ticket, and the internal system note saying so; joins
   * the caller's transaction (so that both vanish when the caller's work fails).
   */
  ReturnLabel store(Ticket ticket, Carriers.MadeLabel made, Instant at) {
    requireNonNull(made, "made is null");
    return tx.inTransaction(
        () ->
            storeIn(
                ticket, made.carrier(), made.trackingNumber(), made.pdf(), made.downloadUrl(), at));
  }

  @Override
  public ReturnLabel upload(Actor actor, Upload upload) {
    Access.require(actor, "upload return labels", Role.SELLER);
    requireNonNull(upload, "upload is null");
    ReturnLabel.checkPdf(upload.pdf());
    return store(
        actor,
        upload.ticketNumber(),
        ReturnLabel.UPLOADED,
        upload.trackingNumber(),
        upload.pdf(),
        null);
  }

  private ReturnLabel store(
      Actor actor,
      TicketNumber number,
      String carrier,
      String trackingNumber,
      byte[] pdf,
      String url) {
    return tx.inTransaction(
        () -> storeIn(ticket(actor, number), carrier, trackingNumber, pdf, url, now()));
  }

  private ReturnLabel storeIn(
      Ticket ticket, String carrier, String trackingNumber, byte[] pdf, String url, Instant at) {
    ReturnLabel label =
        labels.add(
            new ReturnLabel(
                0, ticket.sellerId(), ticket.number(), carrier, trackingNumber, pdf, url, at));
    systemMessages.write(
        ticket, SystemEvent.returnLabelStored(label.id(), carrier, trackingNumber), true, at);
    return label;
  }

  @Override
  public ReturnLabel label(Actor actor, long labelId) {
    if (actor == null) {
      throw new DomainException(ErrorCode.UNAUTHENTICATED, "authentication required");
    }
    return tx.inTransaction(
        () -> {
          Optional<ReturnLabel> found =
              switch (actor.role()) {
                case SELLER -> labels.find(actor.sellerId().orElseThrow(), labelId);
                case BUYER, CUSTOMER_SERVICE ->
                    labels
                        .find(labelId)
                        .filter(
                            l ->
                                tickets
                                    .find(l.sellerId(), l.ticketNumber())
                                    .filter(t -> actor.canSee(t.sellerId(), t.buyerId()))
                                    .isPresent());
                case MARKETPLACE -> Optional.empty();
              };
          return found.orElseThrow(() -> Access.notFound("return label " + labelId));
        });
  }

  private Ticket ticket(Actor actor, TicketNumber number) {
    Ticket ticket =
        tickets
            .find(actor.sellerId().orElseThrow(), number)
            .orElseThrow(() -> Access.notFound("ticket " + number.value()));
    if (ticket.isClosed()) {
      throw closed(number);
    }
    return ticket;
  }

  private static DomainException closed(TicketNumber number) {
    return new DomainException(
        ErrorCode.TICKET_CLOSED,
        "ticket " + number.value() + " is closed; cannot make a return label for it");
  }

  private Order order(Ticket ticket) {
    return orders
        .find(ticket.sellerId(), ticket.orderNumber())
        .orElseThrow(() -> Access.notFound("order " + ticket.orderNumber().value()));
  }
}
