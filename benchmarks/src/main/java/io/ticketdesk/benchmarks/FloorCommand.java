package io.ticketdesk.benchmarks;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "floor", mixinStandardHelpOptions = true, description = "pgbench floor")
final class FloorCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
