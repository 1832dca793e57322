package io.ticketdesk.app;

import com.google.inject.Guice;
import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.application.port.in.IssueTokenUseCase;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.SellerId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Token administration from the command line (trusted: runs with the operator's rights). */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Manage API tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this),
        "Missing command: try 'token create --help' or 'token revoke --help'");
  }

  /** Issues a token and prints it once. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = "Issue a token for a role and print it (it is stored hashed and shown once).")
  static final class Create implements Callable<Integer> {
    @Mixin Settings settings;

    @Option(
        names = "--role",
        required = true,
        description = "marketplace, seller, buyer or customer_service")
    String role;

    @Option(names = "--seller-id", description = "The seller the token acts for (role seller).")
    Long sellerId;

    @Option(names = "--buyer-id", description = "The buyer the token acts for (role buyer).")
    Long buyerId;

    @Option(names = "--label", description = "A label to recognise the token by.")
    String label;

    @Override
    public Integer call() {
      var injector = Guice.createInjector(new TicketdeskModule(settings));
      try (Database db = injector.getInstance(Database.class)) {
        Role r = Role.of(role);
        Actor subject =
            new Actor(
                r,
                Optional.ofNullable(sellerId).map(SellerId::of),
                Optional.ofNullable(buyerId).map(BuyerId::of));
        var issued =
            injector
                .getInstance(TicketdeskCore.class)
                .issueToken()
                .issue(Actor.marketplace(), new IssueTokenUseCase.Command(subject, label));
        System.out.println(issued.token());
      }
      return 0;
    }
  }

  /** Revokes a token: every node refuses it within the authentication cache's bound. */
  @Command(
      name = "revoke",
      mixinStandardHelpOptions = true,
      description =
          "Revoke a token (read from standard input, one line, so it stays out of the shell"
              + " history and process list). This node refuses it at once, every other node"
              + " within 10 s.")
  static final class Revoke implements Callable<Integer> {
    @Mixin Settings settings;

    @Override
    public Integer call() throws java.io.IOException {
      String token =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
              .readLine();
      if (token == null || token.isBlank()) {
        System.err.println("token revoke: give the token on standard input");
        return 2;
      }
      var injector = Guice.createInjector(new TicketdeskModule(settings));
      try (Database db = injector.getInstance(Database.class)) {
        boolean known =
            injector
                .getInstance(TicketdeskCore.class)
                .revokeToken()
                .revoke(Actor.marketplace(), token.strip());
        System.out.println(known ? "revoked" : "no such token");
        return known ? 0 : 1;
      }
    }
  }
}
