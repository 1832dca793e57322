package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.ManageTextModulesUseCase;
import io.ticketdesk.application.port.in.RenderTextModuleUseCase;
import io.ticketdesk.domain.Placeholder;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModule;
import io.ticketdesk.domain.TextModuleBody;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TextModuleReturnOption;
import io.ticketdesk.domain.TicketNumber;
import java.util.Arrays;
import java.util.Set;

/** The seller's text modules per sales channel, and rendering one for a ticket. */
final class TextModuleRoutes {
  private static final Set<String> LIST_PARAMS = Set.of("storefront", "limit", "cursor");
  private static final Set<String> RENDER_PARAMS = Set.of("ticket");

  private final ManageTextModulesUseCase manage;
  private final RenderTextModuleUseCase render;

  TextModuleRoutes(ManageTextModulesUseCase manage, RenderTextModuleUseCase render) {
    this.manage = requireNonNull(manage, "manage is null");
    this.render = requireNonNull(render, "render is null");
  }

  void placeholders(Context ctx) {
    Authentication.actor(ctx);
    QueryParams.of(ctx, Set.of());
    Responses.json(
        ctx,
        200,
        new PageJson<>(
            Arrays.stream(Placeholder.values()).map(TextModuleJson.PlaceholderJson::of).toList(),
            null));
  }

  void list(Context ctx) {
    QueryParams p = QueryParams.of(ctx, LIST_PARAMS);
    var page =
        manage.list(
            Authentication.actor(ctx),
            p.parse("storefront", Storefront::of),
            p.integer("limit"),
            p.text("cursor"));
    Responses.json(
        ctx,
        200,
        new PageJson<>(page.items().stream().map(TextModuleJson::of).toList(), page.nextCursor()));
  }

  void create(Context ctx) {
    var actor = Authentication.actor(ctx);
    TextModuleJson.Draft body = Requests.body(ctx, TextModuleJson.Draft.class);
    TextModule created;
    if (body.copyOf() != null) {
      if (body.storefront() != null
          || body.locale() != null
          || body.body() != null
          || body.returnOption() != null) {
        throw Requests.invalid(
            "copyOf", "a copy takes copyOf and optionally name; change the copy with PUT");
      }
      TextModuleId source = Requests.build("copyOf", () -> TextModuleId.of(body.copyOf()));
      created = manage.copy(actor, source, body.name());
    } else {
      created = manage.create(actor, draft(body));
    }
    ctx.header("Location", HttpServer.API + "/text-modules/" + created.id().value());
    send(ctx, 201, created);
  }

  void get(Context ctx) {
    send(ctx, 200, manage.get(Authentication.actor(ctx), id(ctx)));
  }

  void update(Context ctx) {
    var actor = Authentication.actor(ctx);
    TextModuleId id = id(ctx);
    Long expected = Requests.expectedVersion(ctx);
    TextModuleJson.Draft body = Requests.body(ctx, TextModuleJson.Draft.class);
    if (body.copyOf() != null) {
      throw Requests.invalid("copyOf", "copyOf is only for POST /text-modules");
    }
    send(ctx, 200, manage.update(actor, id, draft(body), expected));
  }

  void delete(Context ctx) {
    var actor = Authentication.actor(ctx);
    TextModuleId id = id(ctx);
    manage.delete(actor, id, Requests.expectedVersion(ctx));
    ctx.status(204);
  }

  void rendered(Context ctx) {
    var actor = Authentication.actor(ctx);
    TextModuleId id = id(ctx);
    QueryParams p = QueryParams.of(ctx, RENDER_PARAMS);
    String ticket = Requests.required(p.text("ticket"), "ticket");
    TicketNumber number = Requests.parse(ticket, "ticket", TicketNumber::of);
    var r = render.render(actor, id, number);
    Responses.json(
        ctx,
        200,
        new TextModuleJson.Rendered(
            r.id().value(),
            number.value(),
            r.text(),
            TextModuleJson.OptionJson.of(r.returnOption())));
  }

  private static ManageTextModulesUseCase.Draft draft(TextModuleJson.Draft body) {
    Storefront storefront =
        Requests.parse(
            Requests.required(body.storefront(), "storefront"), "storefront", Storefront::of);
    String name = Requests.required(body.name(), "name");
    TextModuleBody text =
        Requests.parse(Requests.required(body.body(), "body"), "body", TextModuleBody::new);
    TextModuleReturnOption option = returnOption(body.returnOption());
    return Requests.build(
        "name",
        () -> new ManageTextModulesUseCase.Draft(storefront, body.locale(), name, text, option));
  }

  private static TextModuleReturnOption returnOption(TextModuleJson.OptionJson o) {
    if (o == null) {
      return null;
    }
    String type = Requests.required(o.type(), "returnOption.type");
    return Requests.build("returnOption", () -> TextModuleReturnOption.of(type, o.carrier()));
  }

  private static TextModuleId id(Context ctx) {
    String raw = ctx.pathParam("textModuleId");
    if (!raw.matches("\\d{1,18}")) {
      throw Requests.invalid(
          "textModuleId",
          "text module id must be a positive number, got '" + Requests.abbreviate(raw) + "'");
    }
    return Requests.build("textModuleId", () -> TextModuleId.of(Long.parseLong(raw)));
  }

  private static void send(Context ctx, int status, TextModule m) {
    ctx.header("ETag", Requests.etag(m.version()));
    Responses.json(ctx, status, TextModuleJson.of(m));
  }
}
