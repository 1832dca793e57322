package io.ticketdesk.plugins.pdflabel;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import io.ticketdesk.plugin.api.ReturnAddress;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Lays out one A6 return label: recipient, sender, references, barcode, items. */
final class LabelDocument {

  /** Liberation Sans ships inside PDFBox and covers the Latin scripts of all storefronts. */
  private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

  private static final byte[] FONT_BYTES = readFont();
  private static final float MARGIN = 14;
  private static final float BARCODE_HEIGHT = 56;
  private static final float QUIET_ZONE = 10; // in modules, each side
  private static final int MAX_ITEM_LINES = 4;

  private final PDFont font;
  private final PDPageContentStream content;
  private final float width;
  private float y;

  private LabelDocument(PDFont font, PDPageContentStream content, PDRectangle page) {
    this.font = font;
    this.content = content;
    this.width = page.getWidth() - 2 * MARGIN;
    this.y = page.getHeight() - MARGIN;
  }

  /** The label as PDF bytes. */
  static byte[] render(String carrier, String trackingNumber, ReturnLabelRequest request)
      throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A6);
      document.addPage(page);
      PDDocumentInformation info = document.getDocumentInformation();
      LabelTexts texts = LabelTexts.forStorefront(request.storefront());
      info.setTitle(texts.text("document.title", trackingNumber));
      info.setSubject(
          texts.text("document.subject", request.ticketNumber(), request.orderNumber()));
      info.setCreator("Ticketdesk " + carrier);
      PDFont font = PDType0Font.load(document, new ByteArrayInputStream(FONT_BYTES), true);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        new LabelDocument(font, content, page.getMediaBox())
            .draw(texts, carrier, trackingNumber, request);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private void draw(
      LabelTexts texts, String carrier, String trackingNumber, ReturnLabelRequest request)
      throws IOException {
    text(texts.text("title", carrier), 11);
    rule();
    text(texts.text("to"), 7);
    ReturnAddress to = request.returnAddress();
    text(to.name(), 12);
    text(to.street(), 11);
    text(to.postalCode() + " " + to.city(), 11);
    text(texts.country(to.country()), 11);
    y -= 4;
    text(texts.text("from"), 7);
    text(request.buyerName(), 10);
    text(texts.country(request.fromCountry()), 10);
    rule();
    text(texts.text("references", request.ticketNumber(), request.orderNumber()), 9);
    text(texts.text("seller", request.sellerName(), request.storefront()), 8);
    rule();
    barcode(trackingNumber);
    text(trackingNumber, 11);
    rule();
    text(texts.text("items"), 7);
    List<ReturnLabelRequest.Item> items = request.items();
    int shown = items.size() > MAX_ITEM_LINES ? MAX_ITEM_LINES - 1 : items.size();
    for (ReturnLabelRequest.Item item : items.subList(0, shown)) {
      String ean = item.ean().isBlank() ? "" : "EAN " + item.ean() + " · ";
      text(texts.text("unit", Long.toString(item.orderUnitId())) + " · " + ean + item.title(), 8);
    }
    if (shown < items.size()) {
      text(texts.text("more", Integer.toString(items.size() - shown)), 8);
    }
  }

  private void text(String raw, float size) throws IOException {
    String line = fit(printable(raw), size);
    y -= size * 1.25f;
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(MARGIN, y);
    content.showText(line);
    content.endText();
  }

  private void rule() throws IOException {
    y -= 5;
    content.setLineWidth(0.6f);
    content.moveTo(MARGIN, y);
    content.lineTo(MARGIN + width, y);
    content.stroke();
    y -= 1;
  }

  /** Draws the Code 128 barcode as filled bars, as wide as fits, at most 2 pt per module. */
  private void barcode(String value) throws IOException {
    BitMatrix matrix = code128(value);
    float module = Math.min(2f, width / (matrix.getWidth() + 2 * QUIET_ZONE));
    float x0 = MARGIN + (width - module * matrix.getWidth()) / 2;
    y -= 6 + BARCODE_HEIGHT;
    int x = 0;
    while (x < matrix.getWidth()) {
      if (matrix.get(x, 0)) {
        int start = x;
        while (x < matrix.getWidth() && matrix.get(x, 0)) {
          x++;
        }
        content.addRect(x0 + start * module, y, (x - start) * module, BARCODE_HEIGHT);
      } else {
        x++;
      }
    }
    content.fill();
  }

  /** The barcode's modules, one row, no quiet zone (the layout adds it). */
  static BitMatrix code128(String value) {
    return new Code128Writer()
        .encode(value, BarcodeFormat.CODE_128, 0, 1, Map.of(EncodeHintType.MARGIN, 0));
  }

  /** Replaces characters the font cannot show (and control characters) with '?' or a space. */
  private String printable(String raw) {
    StringBuilder out = new StringBuilder();
    raw.codePoints()
        .forEach(
            cp -> {
              if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
                return;
              }
              String ch = new String(Character.toChars(cp));
              try {
                font.encode(ch);
                out.append(ch);
              } catch (IOException | IllegalArgumentException e) {
                out.append('?');
              }
            });
    return out.toString();
  }

  /** Cuts the line with an ellipsis so that it fits the label's width. */
  private String fit(String line, float size) throws IOException {
    if (widthOf(line, size) <= width) {
      return line;
    }
    List<Integer> cps = new ArrayList<>(line.codePoints().boxed().toList());
    while (!cps.isEmpty()) {
      cps.remove(cps.size() - 1);
      StringBuilder b = new StringBuilder();
      cps.forEach(b::appendCodePoint);
      String candidate = b.toString().stripTrailing() + "…";
      if (widthOf(candidate, size) <= width) {
        return candidate;
      }
    }
    return "";
  }

  private float widthOf(String text, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  private static byte[] readFont() {
    try (InputStream in = PDDocument.class.getResourceAsStream(FONT)) {
      if (in == null) {
        throw new IllegalStateException("PDFBox does not ship " + FONT);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
