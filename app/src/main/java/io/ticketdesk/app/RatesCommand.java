package io.ticketdesk.app;

import com.google.inject.Guice;
import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DailyRate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Exchange-rate administration from the command line (trusted: the operator's rights). */
@Command(
    name = "rates",
    mixinStandardHelpOptions = true,
    description = "Manage the euro reference rates per day.",
    subcommands = {RatesCommand.Import.class})
final class RatesCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "Missing command: try 'rates import --help'");
  }

  /** Imports the ECB's reference-rate XML. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Import the European Central Bank's euro reference rates (eurofxref-daily.xml, or the"
              + " 90-day or historic file); a day's rate replaces one stored before.")
  static final class Import implements Callable<Integer> {
    @Mixin Settings settings;

    @Parameters(index = "0", paramLabel = "FILE", description = "The ECB XML file.")
    Path file;

    @Override
    public Integer call() throws IOException {
      List<DailyRate> rates;
      try (InputStream in = Files.newInputStream(file)) {
        rates = EcbReferenceRates.parse(in);
      } catch (IllegalArgumentException e) {
        System.err.println(file + ": " + e.getMessage());
        return 2;
      }
      var injector = Guice.createInjector(new TicketdeskModule(settings));
      try (Database db = injector.getInstance(Database.class)) {
        int n =
            injector
                .getInstance(TicketdeskCore.class)
                .exchangeRates()
                .importRates(Actor.marketplace(), rates);
        long days = rates.stream().map(DailyRate::day).distinct().count();
        System.out.println("imported " + n + " rates of " + days + " day(s) from " + file);
      }
      return 0;
    }
  }
}
