package io.ticketdesk.app;

import io.ticketdesk.application.port.out.StoreUnavailableException;
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
          for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof DomainException) {
              commandLine.getErr().println("ticketdesk: " + t.getMessage());
              return 2;
            }
            if (t instanceof StoreUnavailableException) {
              commandLine
                  .getErr()
                  .println("ticketdesk: the database is not reachable: " + t.getMessage());
              return 1;
            }
          }
          commandLine.getErr().println("ticketdesk: failed: " + e);
          e.printStackTrace(commandLine.getErr());
          return 1;
        });
    return cli;
  }
}
