package io.ticketdesk.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The benchmark tools: {@code generate}, {@code load}, {@code floor}. */
@Command(
    name = "ticketdesk-benchmarks",
    mixinStandardHelpOptions = true,
    description = "Dataset generator, HTTP load driver and pgbench floor for Ticketdesk.",
    subcommands = {
      GenerateCommand.class,
      LoadCommand.class,
      FloorCommand.class,
      ReceiveCommand.class
    })
public final class Main {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line of the tools; enum options take their values in any case. */
  static CommandLine commandLine() {
    return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
