package io.ticketdesk.plugins.pdflabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.host.LoadedPlugin;
import io.ticketdesk.plugin.host.PluginHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded plugin jar works when dropped into a plugins directory, on its own class loader. */
class PdfLabelPluginJarIT {

  @TempDir Path pluginsDir;

  private static Path pluginJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-plugin.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("no *-plugin.jar in target: run package"));
    }
  }

  @Test
  void the_plugin_jar_carries_pdfbox_and_zxing_but_not_the_spi() throws IOException {
    try (JarFile jar = new JarFile(pluginJar().toFile())) {
      assertTrue(jar.getEntry("org/apache/pdfbox/pdmodel/PDDocument.class") != null);
      assertTrue(jar.getEntry("com/google/zxing/oned/Code128Writer.class") != null);
      assertTrue(jar.getEntry("io/ticketdesk/plugin/api/TicketdeskPlugin.class") == null);
      assertTrue(
          jar.getEntry("META-INF/services/io.ticketdesk.plugin.api.TicketdeskPlugin") != null);
    }
  }

  @Test
  void the_plugin_jar_loads_from_a_plugins_directory_and_makes_labels() throws Exception {
    Files.copy(pluginJar(), pluginsDir.resolve("pdf-label.jar"));
    try (PluginHost host =
        PluginHost.builder()
            .pluginsDirectory(pluginsDir)
            .classPath(null)
            .config(Map.of(PdfLabelPlugin.NAME, Map.of("carrierName", "dropped-pdf")))
            .callTimeout(Duration.ofSeconds(30))
            .load()) {
      assertEquals(List.of(), host.rejected());
      LoadedPlugin plugin = host.plugins().get(0);
      assertEquals(PdfLabelPlugin.NAME, plugin.name());
      assertEquals("pdf-label.jar", plugin.source());

      ReturnLabel label = host.createLabel("dropped-pdf", PdfReturnLabelProviderTest.request(1));

      try (PDDocument pdf = Loader.loadPDF(label.pdf())) {
        assertTrue(new PDFTextStripper().getText(pdf).contains(label.trackingNumber()));
      }
    }
  }
}
