package io.ticketdesk.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database writes each commit to its file before the commit returns (WRITE_DELAY 0):
 * with H2's default of 500 ms a killed process lost acknowledged writes (app's CrashRecoveryIT,
 * docs/reliability.md).
 */
class EmbeddedDurabilityTest {
  @Test
  void theEmbeddedDatabaseHasNoWriteDelay(@TempDir Path dir) throws Exception {
    DatabaseConfig config = DatabaseConfig.embedded(dir);
    assertTrue(config.url().contains(";WRITE_DELAY=0"), config.url());
    try (Connection c =
            DriverManager.getConnection(config.url(), config.user(), config.password());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      assertTrue(rs.next(), "WRITE_DELAY setting");
      assertEquals("0", rs.getString(1));
    }
  }
}
