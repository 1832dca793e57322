package com.example.ticketdesk.carrier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import io.ticketdesk.plugin.testkit.ReturnLabelProviderContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testkit's carrier contract, plus what is special about this carrier. */
class ExampleCarrierContractTest extends ReturnLabelProviderContract {

  private static final Map<String, String> CONFIG =
      Map.of("labelBaseUrl", "https://labels.example.com/", "trackingPrefix", "EX");

  @Override
  protected ReturnLabelProvider provider() {
    // Made the way the host makes it: through the plugin's factory with a context.
    return new ExampleCarrierPlugin().returnLabelProviders(PluginContext.of(CONFIG)).get(0);
  }

  @Override
  protected ReturnLabelRequest supportedRequest() {
    return sampleRequest("de", "DE", "DE");
  }

  @Test
  void labelsLinkToTheConfiguredBaseUrlWithThePrefix() {
    var label = provider().createLabel(supportedRequest());
    assertTrue(label.trackingNumber().startsWith("EX"), label.trackingNumber());
    assertTrue(label.downloadUrl().startsWith("https://labels.example.com/EX"), label.downloadUrl());
  }

  @Test
  void routesOutsideItsCountriesAreNotSupported() {
    assertFalse(provider().supports("de", "DE", "US"));
  }

  @Test
  void aMissingOrPlainHttpBaseUrlRefusesToLoad() {
    var plugin = new ExampleCarrierPlugin();
    assertThrows(
        IllegalArgumentException.class,
        () -> plugin.returnLabelProviders(PluginContext.of(Map.of())));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            plugin.returnLabelProviders(
                PluginContext.of(Map.of("labelBaseUrl", "http://labels.example.com/"))));
  }
}
