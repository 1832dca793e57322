package io.ticketdesk.adapters.plugins;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.CarrierFailedException;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.plugin.api.ReturnAddress;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import io.ticketdesk.plugin.host.LoadedCarrier;
import io.ticketdesk.plugin.host.PluginCallException;
import io.ticketdesk.plugin.host.PluginHost;
import io.ticketdesk.plugin.host.UnknownCarrierException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link Carriers} by the plugin host: SPI types in, domain-friendly records out. */
final class PluginCarriers implements Carriers {
  private final PluginHost host;

  PluginCarriers(PluginHost host) {
    this.host = requireNonNull(host, "host is null");
  }

  @Override
  public List<Carrier> list() {
    return host.carriers().stream()
        .map(c -> new Carrier(c.carrier(), c.pluginName(), c.pluginVersion()))
        .toList();
  }

  @Override
  public MadeLabel createLabel(String carrier, LabelRequest request) {
    requireNonNull(carrier, "carrier is null");
    requireNonNull(request, "request is null");
    ReturnLabel label;
    try {
      label = host.createLabel(carrier, spi(request));
    } catch (UnknownCarrierException e) {
      List<String> known = host.carriers().stream().map(LoadedCarrier::carrier).toList();
      throw new DomainException(
          ErrorCode.VALIDATION,
          "no carrier named '"
              + abbreviate(carrier)
              + "' is loaded; loaded: "
              + String.join(", ", known),
          Map.of("field", "carrier", "validValues", known));
    } catch (PluginCallException e) {
      throw new CarrierFailedException(
          carrier, e.failure().name().toLowerCase(Locale.ROOT), reason(e));
    } catch (IllegalStateException e) {
      throw new CarrierFailedException(carrier, "unavailable", "the plugin host is closed");
    }
    return new MadeLabel(
        label.carrier(), label.trackingNumber(), label.pdf(), label.url().orElse(null));
  }

  /** What the caller may read: no exception classes, no stack traces (those are logged). */
  private static String reason(PluginCallException e) {
    return switch (e.failure()) {
      case THREW -> "the carrier plugin failed with an error";
      case TIMED_OUT -> "the carrier plugin " + e.reason();
      case INVALID_RESULT -> "the carrier plugin answered an invalid label: " + e.reason();
      case BUSY -> "too many label requests in flight; try again";
      case INTERRUPTED -> "the request was interrupted";
    };
  }

  private static ReturnLabelRequest spi(LabelRequest r) {
    var a = r.returnAddress();
    return new ReturnLabelRequest(
        r.ticketNumber().value(),
        r.orderNumber(),
        r.storefront().code(),
        r.sellerName(),
        new ReturnAddress(a.name(), a.street(), a.postalCode(), a.city(), a.country()),
        r.buyerName(),
        r.fromCountry(),
        r.toCountry(),
        r.items().stream()
            .map(i -> new ReturnLabelRequest.Item(i.orderUnitId().value(), i.title(), i.ean()))
            .toList());
  }

  private static String abbreviate(String s) {
    return s.length() > 64 ? s.substring(0, 64) + "…" : s;
  }
}
