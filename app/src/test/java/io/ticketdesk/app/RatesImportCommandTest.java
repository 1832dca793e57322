package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.adapters.persistence.Database;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ticketdesk rates import FILE} stores the ECB file's rates in the configured database. */
class RatesImportCommandTest {
  @Test
  void importsTheEcbDailyFileIntoTheDatabase() throws Exception {
    Path data = Files.createTempDirectory("td-rates");
    Path file = data.resolve("eurofxref-daily.xml");
    try (InputStream in = getClass().getResourceAsStream("/ecb/eurofxref-daily.xml")) {
      Files.copy(in, file);
    }
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      code =
          new CommandLine(new TicketdeskCommand())
              .execute("rates", "import", "--data-dir", data.toString(), file.toString());
    } finally {
      System.setOut(out);
    }
    assertEquals(0, code, printed.toString(StandardCharsets.UTF_8));
    assertTrue(
        printed.toString(StandardCharsets.UTF_8).contains("imported 4 rates of 1 day(s)"),
        printed.toString(StandardCharsets.UTF_8));

    Settings settings = new Settings();
    new CommandLine(settings).parseArgs("--data-dir", data.toString());
    try (Database db = Database.open(settings.databaseConfig())) {
      var czk = db.exchangeRates().latestOnOrBefore("CZK", LocalDate.of(2026, 3, 5));
      assertEquals("24.9", czk.orElseThrow().rate().perEuro());
      assertEquals(LocalDate.of(2026, 3, 2), czk.orElseThrow().day());
    }
  }

  @Test
  void aFileThatIsNotAnEcbFileIsRefusedAndNothingIsStored() throws Exception {
    Path data = Files.createTempDirectory("td-rates");
    Path file = data.resolve("wrong.xml");
    Files.writeString(file, "<html><body>not rates</body></html>");
    int code =
        new CommandLine(new TicketdeskCommand())
            .execute("rates", "import", "--data-dir", data.toString(), file.toString());
    assertEquals(2, code);
  }
}
