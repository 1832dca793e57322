package io.ticketdesk.plugins.pdflabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tracking number's GS1 mod-10 check digit. */
class TrackingNumbersTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "4006381333931", // EAN-13 (the usual textbook example)
        "5901234123457", // EAN-13
        "9780306406157", // ISBN-13
        "036000291452", // UPC-A
        "96385074", // EAN-8
        "00012345600012", // GTIN-14
        "106141411234567897", // SSCC
      })
  void the_check_digit_of_published_gs1_numbers(String number) {
    String data = number.substring(0, number.length() - 1);
    int expected = number.charAt(number.length() - 1) - '0';
    assertEquals(expected, TrackingNumbers.gs1CheckDigit(data));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "TD26020300000000000003",
        "TD26020312345678901234",
        "TD26123199999999999990",
        "TD26010100000000000013",
        "RX26020312345678901234",
      })
  void known_good_tracking_numbers_are_valid(String trackingNumber) {
    assertTrue(TrackingNumbers.isValid(trackingNumber));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(
      strings = {
        "TD26020312345678901235", // wrong check digit
        "TD2602031234567890123", // too short
        "TD260203123456789012340", // too long
        "td26020312345678901234", // lower-case prefix
        "T126020312345678901234", // prefix with a digit
        "TD2602031234567890123X", // a letter for the check digit
        " ",
      })
  void malformed_or_wrong_tracking_numbers_are_invalid(String trackingNumber) {
    assertFalse(TrackingNumbers.isValid(trackingNumber));
  }

  @Test
  void every_single_digit_error_is_detected() {
    List<String> undetected = new ArrayList<>();
    for (String good : List.of("TD26020312345678901234", "TD26123199999999999990")) {
      for (int position = 2; position < good.length(); position++) {
        for (char digit = '0'; digit <= '9'; digit++) {
          if (digit == good.charAt(position)) {
            continue;
          }
          char[] typo = good.toCharArray();
          typo[position] = digit;
          if (TrackingNumbers.isValid(new String(typo))) {
            undetected.add(new String(typo));
          }
        }
      }
    }
    assertEquals(List.of(), undetected);
  }

  @Test
  void swapped_neighbours_are_detected_unless_they_differ_by_five() {
    String good = "TD26020312345678901234";
    for (int position = 2; position < good.length() - 1; position++) {
      char a = good.charAt(position);
      char b = good.charAt(position + 1);
      if (a == b) {
        continue;
      }
      char[] swapped = good.toCharArray();
      swapped[position] = b;
      swapped[position + 1] = a;
      assertEquals(
          Math.abs(a - b) == 5, TrackingNumbers.isValid(new String(swapped)), new String(swapped));
    }
  }

  @Test
  void generated_numbers_carry_prefix_date_and_a_valid_check_digit() {
    TrackingNumbers numbers =
        new TrackingNumbers(
            "RX",
            Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC),
            new Random(7));
    for (int i = 0; i < 1000; i++) {
      String number = numbers.next();
      assertTrue(number.matches("RX261231\\d{14}"), number);
      assertTrue(TrackingNumbers.isValid(number), number);
    }
  }

  @Test
  void the_check_digit_needs_digits() {
    assertThrows(IllegalArgumentException.class, () -> TrackingNumbers.gs1CheckDigit(""));
    assertThrows(IllegalArgumentException.class, () -> TrackingNumbers.gs1CheckDigit("12a4"));
  }
}
