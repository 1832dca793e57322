package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every language's bundle has exactly the keys the texts use — no missing key, no unused one — and
 * every template keeps the placeholders of its parameters.
 */
class TextBundlesTest {
  private static final String ENGLISH = "texts.properties";

  @ParameterizedTest
  @ValueSource(
      strings = {
        ENGLISH,
        "texts_de.properties",
        "texts_cs.properties",
        "texts_sk.properties",
        "texts_pl.properties",
        "texts_fr.properties",
        "texts_it.properties"
      })
  void everyBundleHasExactlyTheKeysInUse(String file) throws IOException {
    Properties texts = load(file);
    Set<String> inUse = ReaderTexts.keysInUse();

    Set<String> missing = new TreeSet<>(inUse);
    missing.removeAll(texts.stringPropertyNames());
    Set<String> unused = new TreeSet<>(texts.stringPropertyNames());
    unused.removeAll(inUse);
    assertEquals(Set.of(), missing, file + " lacks keys");
    assertEquals(Set.of(), unused, file + " has keys nothing uses");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ENGLISH,
        "texts_de.properties",
        "texts_cs.properties",
        "texts_sk.properties",
        "texts_pl.properties",
        "texts_fr.properties",
        "texts_it.properties"
      })
  void everyTemplateUsesExactlyItsParameters(String file) throws IOException {
    Properties texts = load(file);
    for (String key : texts.stringPropertyNames()) {
      String text = texts.getProperty(key);
      assertFalse(text.isBlank(), file + ": " + key + " is empty");
      if (key.startsWith("event.") || key.startsWith("notice.")) {
        assertEquals(
            ReaderTexts.placeholdersOf(key),
            ReaderTexts.placeholdersIn(text),
            file + ": " + key + " drops or invents a placeholder");
        // MessageFormat reads ' as quoting and would swallow the text after it.
        assertFalse(text.contains("'"), file + ": " + key + " has an ASCII apostrophe; write ’");
      } else {
        assertTrue(ReaderTexts.placeholdersIn(text).isEmpty(), file + ": " + key);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "texts_de.properties",
        "texts_cs.properties",
        "texts_sk.properties",
        "texts_pl.properties",
        "texts_fr.properties",
        "texts_it.properties"
      })
  void everyTemplateIsTranslated(String file) throws IOException {
    Properties english = load(ENGLISH);
    Properties texts = load(file);
    for (String key : texts.stringPropertyNames()) {
      if (key.startsWith("event.") || key.startsWith("notice.")) {
        assertNotEquals(english.getProperty(key), texts.getProperty(key), file + ": " + key);
      }
    }
  }

  private static Properties load(String file) throws IOException {
    try (InputStream in = ReaderTexts.class.getResourceAsStream(file)) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }
}
