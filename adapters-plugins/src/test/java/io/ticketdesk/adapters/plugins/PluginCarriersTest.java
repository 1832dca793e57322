package io.ticketdesk.adapters.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.application.port.out.CarrierFailedException;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.plugin.host.PluginHost;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The plugin adapter over a real plugin host with carriers that work, throw, hang and lie. */
class PluginCarriersTest {
  PluginHost host;
  Carriers carriers;

  @BeforeEach
  void setUp() {
    host = PluginHost.load(null, Map.of(), Duration.ofMillis(300));
    carriers = PluginAdapters.carriers(host);
  }

  @AfterEach
  void tearDown() {
    host.close();
  }

  static Carriers.LabelRequest request() {
    return new Carriers.LabelRequest(
        TicketNumber.of("00100000001"),
        "MQ8BRT7",
        Storefront.DE,
        "Fahrrad Franz GmbH",
        new ReturnAddress("Fahrrad Franz", "Hauptstr. 1", "10115", "Berlin", "DE"),
        "Erika Muster",
        "DE",
        "DE",
        List.of(new Carriers.Item(OrderUnitId.of(1001), "Bike rack", "4006381333931")));
  }

  @Test
  void listsTheLoadedCarriersWithTheirPlugin() {
    List<String> names = carriers.list().stream().map(Carriers.Carrier::carrier).toList();

    assertTrue(
        names.containsAll(List.of("fine", "throwing", "sleepy", "garbage")), names.toString());
    assertEquals("test-carriers", carriers.list().get(0).plugin());
  }

  @Test
  void aWorkingCarrierMakesAPdfLabel() {
    Carriers.MadeLabel label = carriers.createLabel("fine", request());

    assertEquals("FN00100000001", label.trackingNumber());
    assertArrayEquals(TestCarrierPlugin.pdf(), label.pdf());
  }

  @Test
  void aThrowingHangingOrLyingCarrierFailsThatCallOnly() {
    Map<String, ErrorCode> codes =
        Map.of(
            "throwing", ErrorCode.CARRIER_FAILED,
            "sleepy", ErrorCode.CARRIER_TIMED_OUT,
            "garbage", ErrorCode.CARRIER_FAILED);
    for (String broken : List.of("throwing", "sleepy", "garbage")) {
      CarrierFailedException e =
          assertThrows(CarrierFailedException.class, () -> carriers.createLabel(broken, request()));
      assertEquals(codes.get(broken), e.code(), broken);
      assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }
    assertEquals("FN00100000001", carriers.createLabel("fine", request()).trackingNumber());
  }

  @Test
  void anUnknownCarrierIsAValidationErrorListingTheLoadedOnes() {
    DomainException e =
        assertThrows(DomainException.class, () -> carriers.createLabel("nope", request()));

    assertEquals(ErrorCode.VALIDATION, e.code());
    assertTrue(((List<?>) e.details().get("validValues")).contains("fine"));
  }

  @Test
  void theDefaultTextModulesKeepAStableSourceKey() {
    var modules = PluginAdapters.defaultTextModules(host).defaults();

    assertEquals(1, modules.size());
    assertEquals("de:de-DE:return-label", modules.get(0).sourceKey());
    assertEquals("prepaid_label", modules.get(0).returnOptionType());
  }
}
