package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.ReadEventsUseCase;
import io.ticketdesk.domain.DomainEvent;
import io.ticketdesk.domain.SellerId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The event feed ({@code GET /api/v1/events}). */
final class EventRoutes {
  private static final Set<String> FEED_PARAMS = Set.of("after", "limit", "sellerId");

  private final ReadEventsUseCase readEvents;

  EventRoutes(ReadEventsUseCase readEvents) {
    this.readEvents = requireNonNull(readEvents, "readEvents is null");
  }

  void feed(Context ctx) {
    QueryParams p = QueryParams.of(ctx, FEED_PARAMS);
    Long sellerId = p.longValue("sellerId");
    SellerId seller =
        sellerId == null ? null : Requests.build("sellerId", () -> SellerId.of(sellerId));
    var page =
        readEvents.events(Authentication.actor(ctx), p.text("after"), p.integer("limit"), seller);
    Responses.json(
        ctx,
        200,
        new EventPageJson(page.items().stream().map(EventJson::of).toList(), page.nextCursor()));
  }

  /** One event, as the feed lists it and a webhook delivery carries it. */
  record EventJson(
      String eventId,
      String type,
      Instant occurredAt,
      long sellerId,
      long sequence,
      Map<String, Object> data) {
    static EventJson of(DomainEvent e) {
      return new EventJson(
          e.id(), e.type().wire(), e.occurredAt(), e.sellerId().value(), e.sequence(), e.data());
    }
  }

  /** A page of the feed. */
  record EventPageJson(List<EventJson> items, String nextCursor) {}
}
