package io.ticketdesk.examples.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md shows the example's tagged regions verbatim, so the documented wiring is the
 * code that compiles and runs here.
 */
class EmbeddingDocTest {
  static final Path SOURCE =
      Path.of("src/main/java/io/ticketdesk/examples/embedding/EmbeddedTicketdesk.java");
  static final Path DOC = Path.of("../../docs/architecture.md");

  /** The lines between {@code // tag::name[]} and {@code // end::name[]}, de-indented. */
  static List<String> region(List<String> source, String name) {
    int from = -1;
    int to = -1;
    for (int i = 0; i < source.size(); i++) {
      String line = source.get(i).strip();
      if (line.equals("// tag::" + name + "[]")) {
        from = i + 1;
      } else if (line.equals("// end::" + name + "[]")) {
        to = i;
      }
    }
    assertTrue(from > 0 && to >= from, "region " + name + " in " + SOURCE);
    List<String> lines = source.subList(from, to);
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    List<String> out = new ArrayList<>();
    lines.forEach(l -> out.add(l.isBlank() ? "" : l.substring(indent)));
    return out;
  }

  /** The code blocks of the doc that follow {@code <!-- example: name -->}. */
  static List<String> docBlock(List<String> doc, String name) {
    int marker = doc.indexOf("<!-- example: " + name + " -->");
    assertTrue(marker >= 0, "docs/architecture.md has no <!-- example: " + name + " -->");
    assertEquals("```java", doc.get(marker + 1), "a java block follows the marker " + name);
    int end = marker + 2;
    while (!doc.get(end).equals("```")) {
      end++;
    }
    return doc.subList(marker + 2, end);
  }

  @Test
  void theDocShowsTheExampleSourceVerbatim() throws IOException {
    List<String> source = Files.readAllLines(SOURCE);
    List<String> doc = Files.readAllLines(DOC);
    for (String name : List.of("memory", "wiring", "h2", "postgresql")) {
      assertEquals(region(source, name), docBlock(doc, name), "region " + name);
    }
  }

  @Test
  void anEmbeddersWiringIsAtMostTenLines() throws IOException {
    List<String> source = Files.readAllLines(SOURCE);
    int wiring = region(source, "wiring").size();
    for (String store : List.of("memory", "h2", "postgresql")) {
      int lines = region(source, store).size() + wiring;
      System.out.println("EMBEDDING wiring with " + store + ": " + lines + " lines");
      assertTrue(lines <= 10, store + ": " + lines + " lines");
      assertTrue(region(source, store).size() <= 2, store + " takes one or two lines");
    }
  }
}
