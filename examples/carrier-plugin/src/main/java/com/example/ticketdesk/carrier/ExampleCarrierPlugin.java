package com.example.ticketdesk.carrier;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.net.URI;
import java.util.List;

/**
 * A carrier that hands out download links for return labels. Configuration (operators set it as
 * {@code TICKETDESK_PLUGIN_EXAMPLE_CARRIER_<KEY>}):
 *
 * <ul>
 *   <li>{@code labelBaseUrl} (required): an https URL; a label is {@code <labelBaseUrl><tracking
 *       number>.pdf}
 *   <li>{@code trackingPrefix} (default {@code EX}): two capital letters before each tracking
 *       number
 * </ul>
 */
public final class ExampleCarrierPlugin implements TicketdeskPlugin {

  @Override
  public String name() {
    return "example-carrier";
  }

  @Override
  public String apiVersion() {
    return API_VERSION; // the SPI version compiled against, copied in by the compiler
  }

  @Override
  public List<ReturnLabelProvider> returnLabelProviders(PluginContext context) {
    // Throwing from a factory rejects the plugin at start-up with this message in the log line.
    String base =
        context
            .value("labelBaseUrl")
            .orElseThrow(() -> new IllegalArgumentException("config 'labelBaseUrl' is missing"));
    if (!base.startsWith("https://") || URI.create(base).getHost() == null) {
      throw new IllegalArgumentException("config 'labelBaseUrl' must be an https URL: " + base);
    }
    String prefix = context.value("trackingPrefix", "EX");
    if (!prefix.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("config 'trackingPrefix' must be two capital letters");
    }
    return List.of(new ExampleCarrier(base.endsWith("/") ? base : base + "/", prefix));
  }
}
