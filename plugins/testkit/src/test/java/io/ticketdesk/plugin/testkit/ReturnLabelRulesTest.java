package io.ticketdesk.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.ReturnLabel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReturnLabelRulesTest {

  private static void assertProblem(List<String> problems, String expectedPart) {
    assertTrue(
        problems.stream().anyMatch(p -> p.contains(expectedPart)),
        () -> "expected a problem containing '" + expectedPart + "' in " + problems);
  }

  @Test
  void the_sample_pdf_is_a_real_pdf_that_passes() throws Exception {
    byte[] pdf = SamplePdf.showing("Label (TD1) \\ Zoë");
    assertEquals(List.of(), ReturnLabelRules.pdfProblems(pdf));
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(1, document.getNumberOfPages());
      assertTrue(new PDFTextStripper().getText(document).contains("Label (TD1) \\ Zo?"));
    }
  }

  @Test
  void pdfs_without_header_or_trailer_or_with_a_wrong_offset_are_problems() {
    byte[] good = SamplePdf.showing("x");
    assertProblem(ReturnLabelRules.pdfProblems(ascii("%PDF-1.7 label")), "startxref");
    assertProblem(ReturnLabelRules.pdfProblems(ascii("<html>")), "too short");
    assertProblem(
        ReturnLabelRules.pdfProblems(ascii("PDF-1.4 " + new String(good, 8, good.length - 8))),
        "%PDF-x.y");
    assertProblem(
        ReturnLabelRules.pdfProblems(ascii("%PDF-1.4\nstartxref\n999999\n%%EOF\n")),
        "outside the file");
    byte[] huge = Arrays.copyOf(good, ReturnLabelRules.MAX_PDF_BYTES + 1);
    assertProblem(ReturnLabelRules.pdfProblems(huge), "larger than");
  }

  @Test
  void tracking_numbers_are_printable_ascii_without_spaces() {
    assertEquals(List.of(), ReturnLabelRules.trackingNumberProblems("TD12345678901234567890"));
    assertProblem(ReturnLabelRules.trackingNumberProblems(" "), "blank");
    assertProblem(ReturnLabelRules.trackingNumberProblems("TD 1"), "printable");
    assertProblem(ReturnLabelRules.trackingNumberProblems("TDé1"), "printable");
    assertProblem(ReturnLabelRules.trackingNumberProblems("1".repeat(65)), "longer than 64");
  }

  @Test
  void labels_need_the_right_carrier_and_an_https_url() {
    assertEquals(
        List.of(),
        ReturnLabelRules.labelProblems(
            ReturnLabel.ofUrl("acme", "A1", "https://acme.example/l/A1.pdf"), "acme"));
    assertProblem(
        ReturnLabelRules.labelProblems(
            ReturnLabel.ofUrl("other", "A1", "https://acme.example/l"), "acme"),
        "carrier 'other'");
    assertProblem(
        ReturnLabelRules.labelProblems(
            ReturnLabel.ofUrl("acme", "A1", "http://acme.example/l"), "acme"),
        "not an absolute https URL");
    assertProblem(
        ReturnLabelRules.labelProblems(ReturnLabel.ofUrl("acme", "A1", "https:/l"), "acme"),
        "not an absolute https URL");
    assertProblem(ReturnLabelRules.labelProblems(null, "acme"), "returned null");
  }

  @Test
  void carrier_names_follow_the_hosts_pattern() {
    assertEquals(List.of(), ReturnLabelRules.carrierNameProblems("dhl-de"));
    assertProblem(ReturnLabelRules.carrierNameProblems(" "), "does not match");
    assertProblem(ReturnLabelRules.carrierNameProblems("dhl de"), "does not match");
    assertProblem(ReturnLabelRules.carrierNameProblems(null), "null");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }
}
