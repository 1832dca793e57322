package io.ticketdesk.app;

import io.ticketdesk.domain.DomainException;
import picocli.CommandLine;

/** Entry point of the fat jar: {@code java -jar ticketdesk.jar <command>}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new TicketdeskCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof IllegalArgumentException || e instanceof DomainException) {
            commandLine.getErr().println("ticketdesk: " + e.getMessage());
            return 2;
          }
          commandLine.getErr().println("ticketdesk: failed: " + e);
          e.printStackTrace(commandLine.getErr());
          return 1;
        });
    return cli;
  }
}
