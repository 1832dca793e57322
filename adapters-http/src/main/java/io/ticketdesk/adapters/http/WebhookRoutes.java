package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.ManageWebhooksUseCase;
import io.ticketdesk.domain.EventType;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.WebhookEndpoint;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Webhook endpoints: register (the secret is shown once), list, read, change (url, events, pause
 * and resume), rotate the secret, delete; an endpoint's recent deliveries and redelivery. Not one
 * unit of work: registering resolves the URL's host, which must not hold a store connection.
 */
final class WebhookRoutes {
  private static final Set<String> DELIVERY_PARAMS = Set.of("limit");
  static final int MAX_EVENT_TYPES = EventType.values().length;

  private final ManageWebhooksUseCase manage;

  WebhookRoutes(ManageWebhooksUseCase manage) {
    this.manage = requireNonNull(manage, "manage is null");
  }

  void register(Context ctx) {
    var actor = Authentication.actor(ctx);
    WebhookJson.Registration body = Requests.body(ctx, WebhookJson.Registration.class);
    String url = Requests.required(body.url(), "url");
    Set<EventType> events = events(Requests.required(body.events(), "events"));
    SellerId seller =
        body.sellerId() == null
            ? null
            : Requests.build("sellerId", () -> SellerId.of(body.sellerId()));
    var r = manage.register(actor, new ManageWebhooksUseCase.Registration(url, events, seller));
    ctx.header("Location", HttpServer.API + "/webhook-endpoints/" + r.endpoint().id());
    Responses.json(ctx, 201, WebhookJson.EndpointWithSecret.of(r));
  }

  void list(Context ctx) {
    var actor = Authentication.actor(ctx);
    QueryParams.of(ctx, Set.of());
    Responses.json(
        ctx,
        200,
        new PageJson<>(manage.list(actor).stream().map(WebhookJson.Endpoint::of).toList(), null));
  }

  void get(Context ctx) {
    var actor = Authentication.actor(ctx);
    Responses.json(ctx, 200, WebhookJson.Endpoint.of(manage.find(actor, id(ctx))));
  }

  void change(Context ctx) {
    var actor = Authentication.actor(ctx);
    long id = id(ctx);
    WebhookJson.Change body = Requests.body(ctx, WebhookJson.Change.class);
    WebhookEndpoint.Status status =
        body.status() == null
            ? null
            : Requests.parse(
                body.status(),
                "status",
                s ->
                    switch (s) {
                      case "active" -> WebhookEndpoint.Status.ACTIVE;
                      case "paused" -> WebhookEndpoint.Status.PAUSED;
                      default ->
                          throw Requests.invalid("status", "status must be active or paused");
                    });
    Set<EventType> events = body.events() == null ? null : events(body.events());
    WebhookEndpoint changed =
        manage.change(actor, id, new ManageWebhooksUseCase.Change(body.url(), events, status));
    Responses.json(ctx, 200, WebhookJson.Endpoint.of(changed));
  }

  void delete(Context ctx) {
    var actor = Authentication.actor(ctx);
    manage.delete(actor, id(ctx));
    ctx.status(204);
  }

  void rotateSecret(Context ctx) {
    var actor = Authentication.actor(ctx);
    Responses.json(
        ctx, 200, WebhookJson.EndpointWithSecret.of(manage.rotateSecret(actor, id(ctx))));
  }

  void deliveries(Context ctx) {
    var actor = Authentication.actor(ctx);
    long id = id(ctx);
    QueryParams p = QueryParams.of(ctx, DELIVERY_PARAMS);
    Responses.json(
        ctx,
        200,
        new PageJson<>(
            manage.deliveries(actor, id, p.integer("limit")).stream()
                .map(WebhookJson.Delivery::of)
                .toList(),
            null));
  }

  /** Every attempt of the endpoint's recent deliveries, newest first. */
  void attempts(Context ctx) {
    var actor = Authentication.actor(ctx);
    long id = id(ctx);
    QueryParams p = QueryParams.of(ctx, DELIVERY_PARAMS);
    Responses.json(
        ctx,
        200,
        new PageJson<>(
            manage.attempts(actor, id, p.integer("limit")).stream()
                .map(WebhookJson.Attempt::of)
                .toList(),
            null));
  }

  void redeliver(Context ctx) {
    var actor = Authentication.actor(ctx);
    long id = id(ctx);
    WebhookJson.Redelivery body = Requests.body(ctx, WebhookJson.Redelivery.class);
    String eventId = Requests.required(body.eventId(), "eventId");
    Responses.json(ctx, 202, WebhookJson.Delivery.of(manage.redeliver(actor, id, eventId)));
  }

  private static Set<EventType> events(List<String> names) {
    if (names.isEmpty() || names.size() > MAX_EVENT_TYPES) {
      throw Requests.invalid("events", "events must name 1 to " + MAX_EVENT_TYPES + " event types");
    }
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    for (String name : names) {
      types.add(Requests.parse(Requests.required(name, "events[]"), "events", EventType::of));
    }
    return types;
  }

  private static long id(Context ctx) {
    String raw = ctx.pathParam("endpointId");
    if (!raw.matches("\\d{1,15}")) {
      throw Requests.invalid("endpointId", "endpointId must be a positive whole number");
    }
    long id = Long.parseLong(raw);
    if (id < 1 || id > 9_007_199_254_740_991L) {
      throw Requests.invalid("endpointId", "endpointId must be a positive whole number");
    }
    return id;
  }
}
