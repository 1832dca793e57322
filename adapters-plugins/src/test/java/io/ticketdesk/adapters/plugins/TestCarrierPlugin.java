package io.ticketdesk.adapters.plugins;

import io.ticketdesk.plugin.api.DefaultTextModule;
import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import io.ticketdesk.plugin.api.TextModuleSet;
import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A plugin for the tests: carriers that work, throw, hang or answer garbage, and one text set. */
public final class TestCarrierPlugin implements TicketdeskPlugin {
  @Override
  public String name() {
    return "test-carriers";
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public List<ReturnLabelProvider> returnLabelProviders(PluginContext context) {
    return List.of(
        provider("fine", r -> ReturnLabel.ofPdf("fine", "FN" + r.ticketNumber(), pdf())),
        provider(
            "throwing",
            r -> {
              throw new IllegalStateException("carrier backend down");
            }),
        provider(
            "sleepy",
            r -> {
              try {
                Thread.sleep(30_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return ReturnLabel.ofPdf("sleepy", "SL1", pdf());
            }),
        provider("garbage", r -> ReturnLabel.ofPdf("garbage", "GB1", new byte[] {1, 2, 3})));
  }

  @Override
  public List<TextModuleSet> textModuleSets(PluginContext context) {
    return List.of(
        new TextModuleSet(
            "de",
            "de-DE",
            List.of(
                new DefaultTextModule(
                    "return-label",
                    "Rücksendeetikett (Test)",
                    "Hallo {{buyer.name}}, Ihr Etikett: {{returnLabel.url}}",
                    "prepaid_label"))));
  }

  static byte[] pdf() {
    return "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  }

  interface Make {
    ReturnLabel make(ReturnLabelRequest request);
  }

  private static ReturnLabelProvider provider(String name, Make make) {
    return new ReturnLabelProvider() {
      @Override
      public String carrier() {
        return name;
      }

      @Override
      public boolean supports(String storefront, String fromCountry, String toCountry) {
        return true;
      }

      @Override
      public ReturnLabel createLabel(ReturnLabelRequest request) {
        return make.make(request);
      }
    };
  }
}
