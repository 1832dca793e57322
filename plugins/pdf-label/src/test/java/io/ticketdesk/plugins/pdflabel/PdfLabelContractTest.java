package io.ticketdesk.plugins.pdflabel;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import io.ticketdesk.plugin.testkit.ReturnLabelProviderContract;
import java.util.Map;

/** The PDF carrier, as the plugin makes it, keeps the carrier contract of the testkit. */
class PdfLabelContractTest extends ReturnLabelProviderContract {

  @Override
  protected ReturnLabelProvider provider() {
    return new PdfLabelPlugin().returnLabelProviders(PluginContext.of(Map.of())).get(0);
  }

  @Override
  protected ReturnLabelRequest supportedRequest() {
    return PdfReturnLabelProviderTest.request(3);
  }
}
