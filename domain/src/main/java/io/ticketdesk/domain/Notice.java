package io.ticketdesk.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One explanation for people (a refusal's detail, a warning), rendered per reader. */
public record Notice(NoticeKind kind, Map<String, String> params) implements Localizable {
  public Notice {
    Validation.required(kind, "kind");
    params = TextValues.check(kind, params);
  }

  public static Notice of(NoticeKind kind) {
    return new Notice(kind, Map.of());
  }

  public static Notice returnOptionRequired(List<ReturnOptionType> validOptions) {
    return new Notice(
        NoticeKind.RETURN_OPTION_REQUIRED,
        Map.of(
            "validOptions",
            validOptions.stream().map(ReturnOptionType::wire).collect(Collectors.joining(","))));
  }

  public static Notice sellerAddressTooDear(Money limit) {
    return new Notice(
        NoticeKind.SELLER_ADDRESS_TOO_DEAR, Map.of("limit", TextParam.Type.money(limit)));
  }

  public static Notice refundExceedsRemaining(Money amount, OrderUnitId unit, Money remaining) {
    return new Notice(
        NoticeKind.REFUND_EXCEEDS_REMAINING,
        Map.of(
            "amount", TextParam.Type.money(amount),
            "orderUnitId", Long.toString(unit.value()),
            "remaining", TextParam.Type.money(remaining)));
  }

  public static Notice policyBreach(OrderNumber order, Instant recoveryDeadline) {
    return new Notice(
        NoticeKind.POLICY_BREACH,
        Map.of("orderNumber", order.value(), "recoveryDeadline", recoveryDeadline.toString()));
  }

  @Override
  public TextTemplate template() {
    return kind;
  }
}
