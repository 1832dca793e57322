package io.ticketdesk.adapters.http;

import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.ReaderTexts;
import io.ticketdesk.domain.Storefront;
import java.time.Instant;
import java.util.List;

/**
 * A chat message as JSON: the text in the reader's language, the structured event of a system
 * message (null for others), and the return options and discount it offered.
 */
record MessageJson(
    long messageId,
    String ticketNumber,
    String authorRole,
    String text,
    EventJson event,
    boolean internal,
    Instant createdAt,
    List<ReturnPolicyJson.OptionJson> returnOptions,
    OrderJson.MoneyJson discountOffer,
    List<WarningJson> warnings) {

  /** A message as one reader reads it, with {@code text} already in the reader's language. */
  static MessageJson of(Message m, String text) {
    return new MessageJson(
        m.id(),
        m.ticketNumber().value(),
        m.authorRole().wire(),
        text,
        m.event() == null ? null : EventJson.of(m.event()),
        m.internal(),
        m.createdAt(),
        m.offer().options().stream().map(ReturnPolicyJson.OptionJson::of).toList(),
        m.offer().discountOffer() == null
            ? null
            : OrderJson.MoneyJson.of(m.offer().discountOffer()),
        List.of());
  }

  /** A posted message with its warnings, rendered for the author in {@code language}. */
  static MessageJson posted(
      Message m,
      List<PostMessageUseCase.Warning> warnings,
      Language language,
      Storefront storefront) {
    MessageJson json = of(m, m.textFor(language, storefront));
    ReaderTexts texts = ReaderTexts.of(language);
    List<WarningJson> rendered =
        warnings.stream()
            .map(
                w ->
                    new WarningJson(
                        w.code(),
                        w.notice() == null
                            ? w.detail()
                            : texts.render(w.notice(), storefront.zone())))
            .toList();
    return new MessageJson(
        json.messageId,
        json.ticketNumber,
        json.authorRole,
        json.text,
        json.event,
        json.internal,
        json.createdAt,
        json.returnOptions,
        json.discountOffer,
        rendered);
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
