package io.ticketdesk.app;

import com.google.inject.Guice;
import io.ticketdesk.adapters.persistence.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Loads the demo data set into the configured database and prints demo tokens. */
@Command(
    name = "demo-data",
    mixinStandardHelpOptions = true,
    description =
        "Load demo data (sellers on all seven storefronts, buyers, orders, ~200 tickets in every"
            + " status) into an empty database and print one token per role.")
final class DemoDataCommand implements Callable<Integer> {
  @Mixin Settings settings;

  @Override
  public Integer call() {
    var injector = Guice.createInjector(new TicketdeskModule(settings));
    try (Database db = injector.getInstance(Database.class)) {
      injector.getInstance(DemoData.class).loadAndIssueTokens().print(System.out, null);
    }
    return 0;
  }
}
