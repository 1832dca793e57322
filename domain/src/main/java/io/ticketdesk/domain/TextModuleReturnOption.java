package io.ticketdesk.domain;

import java.util.Map;

/**
 * The return option a text module attaches when it is sent: its type and, for a {@code
 * prepaid_label}, the carrier that makes the label at send time (null on a plugin default: the
 * configured default carrier then makes it). A {@code label_url} is never kept on a module: a label
 * URL belongs to one ticket.
 */
public record TextModuleReturnOption(ReturnOptionType type, String carrier) {
  /** The carrier names the plugin host accepts. */
  public static final String CARRIER_NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

  public TextModuleReturnOption {
    if (type == null) {
      throw invalid("returnOption.type", "returnOption.type is required");
    }
    if (type == ReturnOptionType.LABEL_URL) {
      throw invalid(
          "returnOption.type",
          "a text module cannot keep a label_url option: a label URL belongs to one ticket; use"
              + " prepaid_label with a carrier, or send returnOptions with the message");
    }
    if (carrier != null) {
      if (type != ReturnOptionType.PREPAID_LABEL) {
        throw invalid(
            "returnOption.carrier", "returnOption.carrier belongs to a prepaid_label option only");
      }
      if (!carrier.matches(CARRIER_NAME)) {
        throw invalid(
            "returnOption.carrier",
            "returnOption.carrier must be a carrier name such as ticketdesk-pdf, got '"
                + OrderNumber.abbreviate(carrier)
                + "'");
      }
    }
  }

  /** Parses the wire type; an unknown one is a validation error listing the valid ones. */
  public static TextModuleReturnOption of(String type, String carrier) {
    ReturnOptionType parsed;
    try {
      parsed = ReturnOptionType.of(type);
    } catch (DomainException e) {
      Map<String, Object> details = new java.util.HashMap<>(e.details());
      details.put("field", "returnOption.type");
      throw new DomainException(e.code(), e.getMessage(), details);
    }
    return new TextModuleReturnOption(parsed, carrier);
  }

  /** Whether sending the module first makes a label with a carrier. */
  public boolean makesLabel() {
    return type == ReturnOptionType.PREPAID_LABEL;
  }

  /** The option attached to the message; {@code labelId} is the label made for it, if any. */
  public ReturnOption toOption(Long labelId) {
    return new ReturnOption(type, makesLabel() ? labelId : null, null, null);
  }

  private static DomainException invalid(String field, String message) {
    return new DomainException(ErrorCode.VALIDATION, message, Map.of("field", field));
  }
}
