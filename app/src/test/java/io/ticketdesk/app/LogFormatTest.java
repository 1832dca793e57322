package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;

/** The server's log configuration: one line per event, so user text cannot forge log lines. */
class LogFormatTest {
  private static final String FORGED =
      "hello\n12:00:00.000 ERROR forged - admin logged in\r\u001b[2J";

  /** The lines the configured encoder writes for two events (one with an exception). */
  private static List<String> logged(String format) throws Exception {
    LoggerContext context = new LoggerContext();
    try {
      if (format != null) {
        context.putProperty("TICKETDESK_LOG_FORMAT", format);
      }
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
      ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
      List<ch.qos.logback.core.Appender<ILoggingEvent>> appenders = new ArrayList<>();
      root.iteratorForAppenders().forEachRemaining(appenders::add);
      assertEquals(1, appenders.size(), "appenders of the root logger");
      @SuppressWarnings("unchecked")
      var encoder =
          ((ch.qos.logback.core.OutputStreamAppender<ILoggingEvent>) appenders.get(0)).getEncoder();
      ch.qos.logback.classic.Logger log = context.getLogger("io.ticketdesk.test");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(
          encoder.encode(
              new LoggingEvent(
                  Logger.class.getName(),
                  log,
                  Level.WARN,
                  "message text {}",
                  null,
                  new Object[] {FORGED})));
      out.write(
          encoder.encode(
              new LoggingEvent(
                  Logger.class.getName(),
                  log,
                  Level.ERROR,
                  "failed on {}",
                  new IllegalStateException(FORGED),
                  new Object[] {"/api"})));
      return out.toString(StandardCharsets.UTF_8).lines().toList();
    } finally {
      context.stop();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "default"})
  void theTextFormatWritesEachEventOnOneLine(String format) throws Exception {
    List<String> lines = logged(format.equals("default") ? null : format);
    assertEquals(2, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).contains("WARN"), lines.get(0));
    assertTrue(lines.get(1).contains("IllegalStateException"), lines.get(1));
    assertTrue(lines.get(1).contains("at io.ticketdesk.app.LogFormatTest"), lines.get(1));
    for (String line : lines) {
      assertFalse(line.chars().anyMatch(c -> c < 0x20 && c != '\t'), line);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json"})
  void theJsonFormatWritesOneObjectPerLine(String format) throws Exception {
    List<String> lines = logged(format);
    assertEquals(2, lines.size(), String.join("\n", lines));
    ObjectMapper mapper = new ObjectMapper();
    JsonNode first = mapper.readTree(lines.get(0));
    assertEquals("WARN", first.get("level").asText());
    assertEquals("message text " + FORGED, first.get("formattedMessage").asText());
    JsonNode second = mapper.readTree(lines.get(1));
    assertEquals(FORGED, second.get("throwable").get("message").asText());
  }
}
