package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * How to reach the database: JDBC URL, credentials (null: taken from the URL, e.g. {@code
 * ?user=…&password=…}) and connection pool size.
 */
public record DatabaseConfig(String url, String user, String password, int maxPoolSize) {
  public static final int DEFAULT_POOL_SIZE = 10;

  public DatabaseConfig {
    requireNonNull(url, "url is null");
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(
          "url must be a jdbc:postgresql: or jdbc:h2: URL, got '" + abbreviate(url) + "'");
    }
    if (maxPoolSize < 1 || maxPoolSize > 1000) {
      throw new IllegalArgumentException("maxPoolSize out of range: " + maxPoolSize);
    }
  }

  /** An embedded H2 database in PostgreSQL mode, stored in files under {@code dataDir}. */
  public static DatabaseConfig embedded(Path dataDir) {
    requireNonNull(dataDir, "dataDir is null");
    String file = dataDir.toAbsolutePath().normalize().resolve("ticketdesk").toString();
    return new DatabaseConfig(
        "jdbc:h2:file:" + file + ";" + H2_OPTIONS + ";" + H2_FILE_DURABILITY,
        "sa",
        "",
        DEFAULT_POOL_SIZE);
  }

  /**
   * Write every commit to the file before the commit returns. H2's default (WRITE_DELAY 500 ms)
   * keeps committed changes in memory for up to half a second, so a killed process lost writes that
   * had been acknowledged (CrashRecoveryIT, docs/reliability.md). With 0 a commit is written to the
   * operating system before it returns; it is not necessarily fsync'ed, so it survives a crash of
   * the process, not a power failure of the machine.
   */
  static final String H2_FILE_DURABILITY = "WRITE_DELAY=0";

  static final String H2_OPTIONS =
      "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /** Which SQL dialect the URL names: {@code postgresql} or {@code h2}. */
  String vendor() {
    return url.startsWith("jdbc:h2:") ? "h2" : "postgresql";
  }

  @Override
  public String toString() {
    return "DatabaseConfig[url="
        + url
        + ", user="
        + user
        + ", password=***, maxPoolSize="
        + maxPoolSize
        + "]";
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
