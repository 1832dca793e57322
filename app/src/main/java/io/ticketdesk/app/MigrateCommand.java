package io.ticketdesk.app;

import io.ticketdesk.adapters.persistence.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Applies the database migrations and exits. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Create or upgrade the database schema (Flyway) and exit.")
final class MigrateCommand implements Callable<Integer> {
  @Mixin Settings settings;

  @Override
  public Integer call() {
    try (Database db = Database.open(settings.databaseConfig())) {
      db.migrate();
      System.out.println("Database is up to date: " + settings.describeDatabase());
    }
    return 0;
  }
}
