package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.domain.DailyRate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcbReferenceRatesTest {
  @Test
  void readsEveryCurrencyOfTheDailyFileAsExactFractions() throws Exception {
    List<DailyRate> rates;
    try (var in = getClass().getResourceAsStream("/ecb/eurofxref-daily.xml")) {
      rates = EcbReferenceRates.parse(in);
    }
    assertEquals(4, rates.size());
    DailyRate czk =
        rates.stream().filter(r -> r.currency().equals("CZK")).findFirst().orElseThrow();
    assertEquals(LocalDate.of(2026, 3, 2), czk.day());
    assertEquals(249, czk.rate().numerator());
    assertEquals(10, czk.rate().denominator());
    assertEquals("4.2875", rates.get(3).rate().perEuro());
  }

  @Test
  void refusesADoctypeAndAFileWithoutRates() {
    String xxe =
        "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>";
    assertThrows(IllegalArgumentException.class, () -> parse(xxe));
    var e = assertThrows(IllegalArgumentException.class, () -> parse("<Cube><Cube/></Cube>"));
    assertTrue(e.getMessage().contains("not an ECB"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            parse("<Cube><Cube time='2026-03-02'><Cube currency='CZK' rate='abc'/></Cube></Cube>"));
  }

  private static List<DailyRate> parse(String xml) throws Exception {
    return EcbReferenceRates.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
