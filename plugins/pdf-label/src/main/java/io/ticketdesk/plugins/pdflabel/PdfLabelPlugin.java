package io.ticketdesk.plugins.pdflabel;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.time.Clock;
import java.util.List;

/**
 * Shipped plugin: a return-label carrier that makes printable A6 PDF labels with a Code 128 barcode
 * of the tracking number, without calling any carrier service.
 *
 * <p>Configuration: {@code carrierName} (default {@code ticketdesk-pdf}), {@code trackingPrefix}
 * (two capital letters, default {@code TD}).
 */
public final class PdfLabelPlugin implements TicketdeskPlugin {

  /** The plugin's name and configuration key. */
  public static final String NAME = "ticketdesk-pdf-label";

  /** The carrier name unless configured otherwise. */
  public static final String DEFAULT_CARRIER = "ticketdesk-pdf";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public List<ReturnLabelProvider> returnLabelProviders(PluginContext context) {
    String carrier = context.value("carrierName", DEFAULT_CARRIER);
    String prefix = context.value("trackingPrefix", TrackingNumbers.DEFAULT_PREFIX);
    return List.of(
        new PdfReturnLabelProvider(carrier, new TrackingNumbers(prefix, Clock.systemUTC())));
  }
}
