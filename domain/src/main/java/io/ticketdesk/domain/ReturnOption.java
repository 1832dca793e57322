package io.ticketdesk.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * One return option offered in a message: its type and what it refers to ({@code labelId} for a
 * prepaid label, an https {@code url} for a label URL, optionally the {@code orderUnitId} it is
 * for, and for the seller's address optionally the {@code address} to send the item to instead of
 * the one on file).
 */
public record ReturnOption(
    ReturnOptionType type,
    Long labelId,
    String url,
    OrderUnitId orderUnitId,
    ReturnAddress address) {
  public static final int MAX_URL_LENGTH = 2000;

  /** An option without an address of its own. */
  public ReturnOption(ReturnOptionType type, Long labelId, String url, OrderUnitId orderUnitId) {
    this(type, labelId, url, orderUnitId, null);
  }

  public ReturnOption {
    Validation.required(type, "type");
    if (address != null && type != ReturnOptionType.SELLER_ADDRESS) {
      throw invalid("address", "address belongs to a seller_address option only");
    }
    if (type == ReturnOptionType.PREPAID_LABEL) {
      if (labelId == null || labelId <= 0 || labelId > Validation.MAX_EXACT_INTEGER) {
        throw invalid("labelId", "a prepaid_label option names the labelId of this ticket's label");
      }
    } else if (labelId != null) {
      throw invalid("labelId", "labelId belongs to a prepaid_label option only");
    }
    if (type == ReturnOptionType.LABEL_URL) {
      checkHttps(url);
    } else if (url != null) {
      throw invalid("url", "url belongs to a label_url option only");
    }
  }

  /** An option that refers to nothing beyond its type. */
  public static ReturnOption of(ReturnOptionType type) {
    return new ReturnOption(type, null, null, null);
  }

  private static void checkHttps(String url) {
    if (url == null || url.isBlank()) {
      throw invalid("url", "a label_url option needs the https url of the label");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw invalid("url", "url must be at most " + MAX_URL_LENGTH + " characters");
    }
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null
          || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
          || uri.getHost() == null) {
        throw invalid(
            "url", "url must be an absolute https URL, got '" + OrderNumber.abbreviate(url) + "'");
      }
    } catch (URISyntaxException e) {
      throw invalid("url", "url is not a valid URL: '" + OrderNumber.abbreviate(url) + "'");
    }
  }

  private static DomainException invalid(String field, String message) {
    return new DomainException(ErrorCode.VALIDATION, message, Map.of("field", field));
  }
}
