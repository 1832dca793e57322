package io.ticketdesk.app;

import io.ticketdesk.domain.DailyRate;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ReturnOptionPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the European Central Bank's euro foreign exchange reference rates XML (the daily {@code
 * eurofxref-daily.xml}, or the 90-day and historic files of the same shape): {@code <Cube
 * time="2026-03-02"><Cube currency="CZK" rate="25.285"/>…</Cube>}.
 */
final class EcbReferenceRates {
  private EcbReferenceRates() {}

  /** The rates in the file; a malformed file is an {@link IllegalArgumentException} naming why. */
  static List<DailyRate> parse(InputStream xml) throws IOException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      // An operator's file, but XML all the same: no DTDs, no external entities.
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      NodeList cubes = f.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "Cube");
      List<DailyRate> rates = new ArrayList<>();
      for (int i = 0; i < cubes.getLength(); i++) {
        Element day = (Element) cubes.item(i);
        if (!day.hasAttribute("time")) {
          continue;
        }
        LocalDate date = LocalDate.parse(day.getAttribute("time"));
        NodeList inner = day.getElementsByTagNameNS("*", "Cube");
        for (int j = 0; j < inner.getLength(); j++) {
          Element c = (Element) inner.item(j);
          if (c.hasAttribute("currency") && c.hasAttribute("rate")) {
            rates.add(
                new DailyRate(
                    date,
                    ReturnOptionPolicy.ExchangeRate.parse(
                        c.getAttribute("currency"), c.getAttribute("rate"))));
          }
        }
      }
      if (rates.isEmpty()) {
        throw new IllegalArgumentException(
            "no <Cube time=…><Cube currency=… rate=…/></Cube> found: not an ECB reference-rate file");
      }
      return rates;
    } catch (SAXException e) {
      throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("a Cube's time is not a date: " + e.getParsedString(), e);
    } catch (DomainException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
    }
  }
}
