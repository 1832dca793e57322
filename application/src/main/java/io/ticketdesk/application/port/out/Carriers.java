package io.ticketdesk.application.port.out;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TicketNumber;
import java.util.List;
import java.util.Map;

/**
 * The return-label carriers that are loaded (e.g. from plugins), and making labels with them.
 * Failures of a carrier are {@link CarrierFailedException}s; an unknown carrier name is a {@code
 * validation} refusal.
 */
public interface Carriers {
  /** The loaded carriers, in load order. */
  List<Carrier> list();

  /**
   * Makes a label with the named carrier.
   *
   * @throws CarrierFailedException when the carrier throws, times out or answers garbage
   * @throws io.ticketdesk.domain.DomainException {@code validation} for an unknown carrier
   */
  MadeLabel createLabel(String carrier, LabelRequest request);

  /** No carriers at all: nothing is listed, and making a label is a {@code validation} refusal. */
  static Carriers none() {
    return new Carriers() {
      @Override
      public List<Carrier> list() {
        return List.of();
      }

      @Override
      public MadeLabel createLabel(String carrier, LabelRequest request) {
        throw new DomainException(
            ErrorCode.VALIDATION,
            "no carrier named '"
                + (carrier.length() > 64 ? carrier.substring(0, 64) + "…" : carrier)
                + "' is loaded; loaded: none",
            Map.of("field", "carrier", "validValues", List.of()));
      }

      @Override
      public String toString() {
        return "Carriers.none()";
      }
    };
  }

  /** A loaded carrier and the plugin that provides it. */
  record Carrier(String carrier, String plugin, String version) {
    public Carrier {
      requireNonNull(carrier, "carrier is null");
      requireNonNull(plugin, "plugin is null");
      requireNonNull(version, "version is null");
    }
  }

  /** What a carrier needs for a label: the ticket, the parties, the route and the items. */
  record LabelRequest(
      TicketNumber ticketNumber,
      String orderNumber,
      Storefront storefront,
      String sellerName,
      ReturnAddress returnAddress,
      String buyerName,
      String fromCountry,
      String toCountry,
      List<Item> items) {
    public LabelRequest {
      requireNonNull(ticketNumber, "ticketNumber is null");
      requireNonNull(orderNumber, "orderNumber is null");
      requireNonNull(storefront, "storefront is null");
      requireNonNull(sellerName, "sellerName is null");
      requireNonNull(returnAddress, "returnAddress is null");
      requireNonNull(buyerName, "buyerName is null");
      requireNonNull(fromCountry, "fromCountry is null");
      requireNonNull(toCountry, "toCountry is null");
      items = List.copyOf(requireNonNull(items, "items is null"));
      if (items.isEmpty()) {
        throw new IllegalArgumentException("items is empty");
      }
    }
  }

  /** One order unit in the return parcel. */
  record Item(OrderUnitId orderUnitId, String title, String ean) {
    public Item {
      requireNonNull(orderUnitId, "orderUnitId is null");
      requireNonNull(title, "title is null");
      requireNonNull(ean, "ean is null");
    }
  }

  /** A label the carrier made: tracking number and exactly one of PDF bytes and https URL. */
  record MadeLabel(String carrier, String trackingNumber, byte[] pdf, String downloadUrl) {
    public MadeLabel {
      requireNonNull(carrier, "carrier is null");
      requireNonNull(trackingNumber, "trackingNumber is null");
      if ((pdf == null) == (downloadUrl == null)) {
        throw new IllegalArgumentException("exactly one of pdf and downloadUrl");
      }
      pdf = pdf == null ? null : pdf.clone();
    }

    @Override
    public byte[] pdf() {
      return pdf == null ? null : pdf.clone();
    }
  }
}
