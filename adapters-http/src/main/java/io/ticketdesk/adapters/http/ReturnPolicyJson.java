package io.ticketdesk.adapters.http;

import io.ticketdesk.application.port.in.AssessReturnPolicyUseCase.ReturnPolicyState;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionType;
import java.time.Instant;
import java.util.List;

/** The return-option policy state of a ticket, and return options, as JSON. */
record ReturnPolicyJson(
    boolean applies,
    String phase,
    boolean satisfied,
    List<String> validOptions,
    boolean breach,
    Instant breachedAt,
    Instant recoveryDeadline,
    MoneyJson sellerAddressLimit,
    ExchangeRateRoutes.RateJson exchangeRate) {

  /** An amount in minor units with its currency. */
  record MoneyJson(long amount, String currency) {}

  static ReturnPolicyJson of(ReturnPolicyState s) {
    return new ReturnPolicyJson(
        s.applies(),
        s.phase().wire(),
        s.satisfied(),
        s.validOptions().stream().map(ReturnOptionType::wire).toList(),
        s.breach(),
        s.breachedAt(),
        s.recoveryDeadline(),
        s.sellerAddressLimit() == null
            ? null
            : new MoneyJson(s.sellerAddressLimit().amount(), s.sellerAddressLimit().currency()),
        s.rateUsed() == null ? null : ExchangeRateRoutes.RateJson.of(s.rateUsed()));
  }

  /** One offered return option, in requests and in message JSON. */
  record OptionJson(
      String type,
      Long labelId,
      String url,
      Long orderUnitId,
      SellerJson.ReturnAddressJson address) {
    static OptionJson of(ReturnOption o) {
      return new OptionJson(
          o.type().wire(),
          o.labelId(),
          o.url(),
          o.orderUnitId() == null ? null : o.orderUnitId().value(),
          o.address() == null ? null : SellerJson.ReturnAddressJson.of(o.address()));
    }
  }
}
