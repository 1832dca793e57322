package io.ticketdesk.plugins.pdflabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The label's fixed texts come in every storefront's language, each with every key. */
class LabelTextsTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");

  @ParameterizedTest
  @ValueSource(strings = {"de", "cs", "sk", "pl", "fr", "it"})
  void everyLanguageHasEveryKeyWithItsPlaceholders(String language) throws IOException {
    Properties english = load("label.properties");
    Properties texts = load("label_" + language + ".properties");
    assertEquals(english.stringPropertyNames(), texts.stringPropertyNames(), language);
    for (String key : english.stringPropertyNames()) {
      assertEquals(
          placeholders(english.getProperty(key)),
          placeholders(texts.getProperty(key)),
          language + ": " + key);
      assertTrue(!texts.getProperty(key).contains("'"), language + ": " + key);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "de, RÜCKSENDEETIKETT · ticketdesk-pdf, Bestellung MQ8BRT7",
    "at, RÜCKSENDEETIKETT · ticketdesk-pdf, Bestellung MQ8BRT7",
    "cz, ŠTÍTEK PRO VRÁCENÍ · ticketdesk-pdf, Objednávka MQ8BRT7",
    "sk, ŠTÍTOK NA VRÁTENIE · ticketdesk-pdf, Objednávka MQ8BRT7",
    "pl, ETYKIETA ZWROTNA · ticketdesk-pdf, Zamówienie MQ8BRT7",
    "fr, ÉTIQUETTE DE RETOUR · ticketdesk-pdf, Commande MQ8BRT7",
    "it, ETICHETTA DI RESO · ticketdesk-pdf, Ordine MQ8BRT7"
  })
  void theLabelIsPrintedInTheStorefrontsLanguage(String storefront, String title, String order)
      throws IOException {
    ReturnLabelRequest cz = PdfReturnLabelProviderTest.request(1);
    ReturnLabelRequest request =
        new ReturnLabelRequest(
            cz.ticketNumber(),
            cz.orderNumber(),
            storefront,
            cz.sellerName(),
            cz.returnAddress(),
            cz.buyerName(),
            cz.fromCountry(),
            cz.toCountry(),
            cz.items());
    ReturnLabel label =
        new PdfLabelPlugin()
            .returnLabelProviders(PluginContext.of(Map.of()))
            .get(0)
            .createLabel(request);
    try (PDDocument pdf = Loader.loadPDF(label.pdf())) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains(title), text);
      assertTrue(text.contains(order), text);
      assertTrue(pdf.getDocumentInformation().getTitle().endsWith(label.trackingNumber()));
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static Properties load(String file) throws IOException {
    try (InputStream in = LabelTexts.class.getResourceAsStream(file)) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }
}
