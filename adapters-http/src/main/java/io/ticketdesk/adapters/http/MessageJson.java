package io.ticketdesk.adapters.http;

import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.domain.Message;
import java.time.Instant;
import java.util.List;

/** A chat message as JSON, with the return options and discount it offered. */
record MessageJson(
    long messageId,
    String ticketNumber,
    String authorRole,
    String text,
    boolean internal,
    Instant createdAt,
    List<ReturnPolicyJson.OptionJson> returnOptions,
    OrderJson.MoneyJson discountOffer,
    List<WarningJson> warnings) {

  static MessageJson of(Message m) {
    return of(m, List.of());
  }

  static MessageJson of(Message m, List<PostMessageUseCase.Warning> warnings) {
    return new MessageJson(
        m.id(),
        m.ticketNumber().value(),
        m.authorRole().wire(),
        m.text().value(),
        m.internal(),
        m.createdAt(),
        m.offer().options().stream().map(ReturnPolicyJson.OptionJson::of).toList(),
        m.offer().discountOffer() == null
            ? null
            : OrderJson.MoneyJson.of(m.offer().discountOffer()),
        warnings.stream().map(w -> new WarningJson(w.code(), w.detail())).toList());
  }

  /** Something the author should know about a stored message (e.g. a policy warning). */
  record WarningJson(String code, String detail) {}

  /** The body of {@code POST /tickets/{ticketNumber}/messages}. */
  record Posting(
      String text,
      Boolean internal,
      Long textModuleId,
      List<ReturnPolicyJson.OptionJson> returnOptions,
      OrderJson.MoneyJson discountOffer,
      Boolean overridePolicyGuard,
      String authorRole,
      String channel) {}
}
