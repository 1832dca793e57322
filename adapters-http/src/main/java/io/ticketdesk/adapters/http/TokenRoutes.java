package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.IssueTokenUseCase;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.SellerId;

/** {@code POST /tokens}: the marketplace issues a token for a role and tenant. */
final class TokenRoutes {
  private final IssueTokenUseCase issueToken;

  TokenRoutes(IssueTokenUseCase issueToken) {
    this.issueToken = requireNonNull(issueToken, "issueToken is null");
  }

  void issue(Context ctx) {
    Actor issuer = Authentication.actor(ctx);
    TokenJson.Request body = Requests.body(ctx, TokenJson.Request.class);
    Role role = Requests.parse(Requests.required(body.role(), "role"), "role", Role::of);
    Actor subject =
        switch (role) {
          case SELLER -> {
            refuse(body.buyerId() != null, "buyerId", "a seller token takes no buyerId");
            Long id = Requests.required(body.sellerId(), "sellerId");
            yield Actor.seller(Requests.build("sellerId", () -> SellerId.of(id)));
          }
          case BUYER -> {
            refuse(body.sellerId() != null, "sellerId", "a buyer token takes no sellerId");
            Long id = Requests.required(body.buyerId(), "buyerId");
            yield Actor.buyer(Requests.build("buyerId", () -> BuyerId.of(id)));
          }
          case MARKETPLACE, CUSTOMER_SERVICE -> {
            String why = "a " + role.wire() + " token acts for no single tenant; drop ";
            refuse(body.sellerId() != null, "sellerId", why + "sellerId");
            refuse(body.buyerId() != null, "buyerId", why + "buyerId");
            yield role == Role.MARKETPLACE ? Actor.marketplace() : Actor.customerService();
          }
        };
    var issued =
        Requests.build(
            "label",
            () -> issueToken.issue(issuer, new IssueTokenUseCase.Command(subject, body.label())));
    ctx.header("Cache-Control", "no-store");
    Responses.json(ctx, 201, TokenJson.of(issued));
  }

  private static void refuse(boolean condition, String field, String detail) {
    if (condition) {
      throw Requests.invalid(field, detail);
    }
  }
}
