package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import java.util.EnumSet;
import java.util.Set;

/** {@code POST /sellers}: the marketplace registers a seller. */
final class SellerRoutes {
  private final RegisterSellerUseCase registerSeller;

  SellerRoutes(RegisterSellerUseCase registerSeller) {
    this.registerSeller = requireNonNull(registerSeller, "registerSeller is null");
  }

  void register(Context ctx) {
    var actor = Authentication.actor(ctx);
    SellerJson.Registration body = Requests.body(ctx, SellerJson.Registration.class);
    String name = Requests.required(body.name(), "name");
    Requests.requiredList(body.storefronts(), "storefronts");
    Set<Storefront> storefronts = EnumSet.noneOf(Storefront.class);
    for (String code : body.storefronts()) {
      storefronts.add(Requests.parse(code, "storefronts", Storefront::of));
    }
    var address = Requests.required(body.returnAddress(), "returnAddress").toDomain();
    var command =
        Requests.build(
            "storefronts", () -> new RegisterSellerUseCase.Command(name, storefronts, address));
    Seller seller = registerSeller.register(actor, command);
    ctx.header("Location", HttpServer.API + "/sellers/" + seller.id().value());
    Responses.json(ctx, 201, SellerJson.of(seller));
  }
}
