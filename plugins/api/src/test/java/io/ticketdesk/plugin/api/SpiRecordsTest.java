package io.ticketdesk.plugin.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpiRecordsTest {

  private static final ReturnAddress ADDRESS =
      new ReturnAddress("Shop GmbH", "Hauptstr. 1", "10115", "Berlin", "DE");

  @Test
  void a_label_carries_exactly_one_of_pdf_and_url() {
    byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
    assertThrows(IllegalArgumentException.class, () -> new ReturnLabel("c", "T1", null, null));
    assertThrows(
        IllegalArgumentException.class, () -> new ReturnLabel("c", "T1", pdf, "https://x/y"));
    assertTrue(ReturnLabel.ofPdf("c", "T1", pdf).url().isEmpty());
    assertEquals("https://x/y", ReturnLabel.ofUrl("c", "T1", "https://x/y").url().orElseThrow());
  }

  @Test
  void a_label_keeps_its_own_copy_of_the_pdf() {
    byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
    ReturnLabel label = ReturnLabel.ofPdf("c", "T1", pdf);
    pdf[0] = 'X';
    label.pdf()[1] = 'X';
    assertArrayEquals("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), label.pdf());
    assertEquals(
        label, ReturnLabel.ofPdf("c", "T1", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void null_fields_are_named_in_the_message() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new ReturnLabel(null, "T", null, "u"));
    assertEquals("carrier is null", e.getMessage());
  }

  @Test
  void a_request_copies_its_items_and_needs_at_least_one() {
    List<ReturnLabelRequest.Item> items = new ArrayList<>();
    items.add(new ReturnLabelRequest.Item(1, "Lamp", "4006381333931"));
    ReturnLabelRequest request =
        new ReturnLabelRequest(
            "00112345678", "MQ8BRT7", "de", "Shop", ADDRESS, "Eva", "DE", "DE", items);
    items.clear();
    assertEquals(1, request.items().size());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new ReturnLabelRequest(
                "00112345678", "MQ8BRT7", "de", "Shop", ADDRESS, "Eva", "DE", "DE", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ReturnLabelRequest.Item(0, "t", ""));
  }

  @Test
  void a_context_is_read_only_and_ignores_blank_values() {
    Map<String, String> config = new HashMap<>(Map.of("baseUrl", "https://c", "apiKey", " "));
    PluginContext context = PluginContext.of(config);
    config.put("baseUrl", "changed");
    assertEquals("https://c", context.value("baseUrl").orElseThrow());
    assertTrue(context.value("apiKey").isEmpty());
    assertEquals("d", context.value("missing", "d"));
    assertThrows(UnsupportedOperationException.class, () -> context.config().put("a", "b"));
  }

  @Test
  void a_plugin_registers_nothing_by_default() {
    TicketdeskPlugin plugin =
        new TicketdeskPlugin() {
          @Override
          public String name() {
            return "empty";
          }

          @Override
          public String apiVersion() {
            return API_VERSION;
          }
        };
    assertTrue(plugin.returnLabelProviders(PluginContext.of(Map.of())).isEmpty());
    assertTrue(plugin.textModuleSets(PluginContext.of(Map.of())).isEmpty());
  }

  @Test
  void text_module_sets_need_modules() {
    assertThrows(IllegalArgumentException.class, () -> new TextModuleSet("de", "de-DE", List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> new DefaultTextModule("k", " ", "body", null));
    assertEquals(
        "prepaid_label",
        new DefaultTextModule("k", "n", "b", "prepaid_label").returnOption().orElseThrow());
  }
}
