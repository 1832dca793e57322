package io.ticketdesk.plugins.pdflabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnAddress;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PdfReturnLabelProviderTest {

  static ReturnLabelRequest request(int items) {
    return new ReturnLabelRequest(
        "00112345678",
        "MQ8BRT7",
        "cz",
        "Světla s.r.o.",
        new ReturnAddress("Světla s.r.o. – sklad", "Řeznická 12", "110 00", "Praha", "CZ"),
        "Łukasz Żółkiewski",
        "PL",
        "CZ",
        IntStream.rangeClosed(1, items)
            .mapToObj(
                i ->
                    new ReturnLabelRequest.Item(
                        1000 + i,
                        "Stolní lampa č. "
                            + i
                            + " s velmi dlouhým názvem, který se nevejde na štítek",
                        "4006381333931"))
            .toList());
  }

  private final ReturnLabelProvider provider =
      new PdfLabelPlugin().returnLabelProviders(PluginContext.of(Map.of())).get(0);

  @Test
  void the_label_is_an_a6_pdf_with_addresses_references_and_tracking_number() throws IOException {
    ReturnLabel label = provider.createLabel(request(2));

    assertEquals("ticketdesk-pdf", label.carrier());
    assertTrue(label.trackingNumber().matches("TD\\d{20}"), label.trackingNumber());
    assertTrue(TrackingNumbers.isValid(label.trackingNumber()), label.trackingNumber());
    try (PDDocument pdf = Loader.loadPDF(label.pdf())) {
      assertEquals(1, pdf.getNumberOfPages());
      PDRectangle box = pdf.getPage(0).getMediaBox();
      assertEquals(PDRectangle.A6.getWidth(), box.getWidth(), 0.5);
      assertEquals(PDRectangle.A6.getHeight(), box.getHeight(), 0.5);
      String text = new PDFTextStripper().getText(pdf);
      for (String expected :
          List.of(
              label.trackingNumber(),
              "Tiket 00112345678",
              "Objednávka MQ8BRT7",
              "ŠTÍTEK PRO VRÁCENÍ · ticketdesk-pdf",
              "PŘÍJEMCE",
              "Česko",
              "ODESÍLATEL",
              "Polsko",
              "Světla s.r.o. – sklad",
              "Řeznická 12",
              "110 00 Praha",
              "Łukasz Żółkiewski",
              "Položka 1001 · EAN 4006381333931 · Stolní lampa č. 1",
              "Položka 1002")) {
        assertTrue(text.contains(expected), () -> expected + " not in:\n" + text);
      }
    }
  }

  @Test
  void the_barcode_on_the_printed_page_decodes_to_the_tracking_number() throws Exception {
    ReturnLabel label = provider.createLabel(request(7));

    try (PDDocument pdf = Loader.loadPDF(label.pdf())) {
      BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 203, ImageType.RGB);
      assertEquals(label.trackingNumber(), decode(image).getText());
    }
  }

  @Test
  void many_items_are_summarised_instead_of_overflowing() throws IOException {
    ReturnLabel label = provider.createLabel(request(9));
    try (PDDocument pdf = Loader.loadPDF(label.pdf())) {
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("+ další položky: 6"), text);
      assertTrue(text.contains("…"), text);
    }
  }

  @Test
  void tracking_numbers_are_unique_and_carry_prefix_and_date() {
    TrackingNumbers numbers =
        new TrackingNumbers(
            "RX",
            Clock.fixed(Instant.parse("2026-02-03T10:00:00Z"), ZoneOffset.UTC),
            new Random(1));
    String a = numbers.next();
    String b = numbers.next();
    assertTrue(a.matches("RX260203\\d{14}"), a);
    assertTrue(TrackingNumbers.isValid(a), a);
    assertNotEquals(a, b);
    assertEquals(
        1000,
        IntStream.range(0, 1000)
            .mapToObj(i -> new TrackingNumbers("TD", Clock.systemUTC()).next())
            .distinct()
            .count());
    assertThrows(
        IllegalArgumentException.class, () -> new TrackingNumbers("td", Clock.systemUTC()));
  }

  @Test
  void the_carrier_name_is_configurable() {
    ReturnLabelProvider configured =
        new PdfLabelPlugin()
            .returnLabelProviders(PluginContext.of(Map.of("carrierName", "acme-pdf")))
            .get(0);
    assertEquals("acme-pdf", configured.carrier());
    assertTrue(configured.supports("de", "DE", "AT"));
    assertTrue(!configured.supports("de", "Germany", "AT"));
  }

  static Result decode(BufferedImage image) throws NotFoundException {
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    return new MultiFormatReader()
        .decode(
            new BinaryBitmap(new HybridBinarizer(source)),
            Map.of(
                DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.CODE_128),
                DecodeHintType.TRY_HARDER,
                Boolean.TRUE));
  }
}
