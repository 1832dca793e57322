package io.ticketdesk.plugins.httpcarrier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parses_every_kind_of_value() {
    assertEquals(
        Map.of(
            "s",
            "a\"b\\c/\n\u00e9",
            "n",
            new BigDecimal("-1.5e3"),
            "t",
            true,
            "l",
            Arrays.asList(1 == 1 ? new BigDecimal("0") : null, false),
            "o",
            Map.of()),
        Json.parse(
            " {\"s\":\"a\\\"b\\\\c\\/\\n\\u00e9\", \"n\": -1.5e3, \"t\":true, \"l\":[0,false], \"o\":{}} "));
    assertEquals(null, Json.parse("null"));
    assertEquals(List.of(), Json.parse("[]"));
  }

  @Test
  void rejects_what_is_not_json() {
    for (String bad :
        List.of(
            "",
            "{",
            "{\"a\" 1}",
            "{a:1}",
            "[1,]",
            "01",
            "1.",
            "\"x",
            "tru",
            "{} {}",
            "\"\u0001\"",
            "\"\\x\"",
            "[".repeat(40) + "]".repeat(40))) {
      assertThrows(Json.MalformedJsonException.class, () -> Json.parse(bad), bad);
    }
  }

  @Test
  void quotes_strings_so_that_they_parse_back() {
    String nasty = "quote\" backslash\\ newline\n tab\t bell\u0007 ünï";
    assertEquals(nasty, Json.parse(Json.quote(nasty)));
  }
}
