package io.ticketdesk.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level command; every sub-command answers {@code --help}. */
@Command(
    name = "ticketdesk",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Ticketdesk: the ticket system of a marketplace's sellers.",
    subcommands = {
      ServeCommand.class,
      MigrateCommand.class,
      TokenCommand.class,
      RatesCommand.class,
      DemoDataCommand.class,
      HelpCommand.class
    })
final class TicketdeskCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command: try 'serve' or '--help'");
  }
}
