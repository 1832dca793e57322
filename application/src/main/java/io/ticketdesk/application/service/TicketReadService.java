package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.FindTicketUseCase;
import io.ticketdesk.application.port.in.ListMessagesUseCase;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.Message;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;
import java.util.List;
import java.util.Map;

/** Reading one ticket and its chat, a page of messages at a time, within the actor's scope. */
public final class TicketReadService implements FindTicketUseCase, ListMessagesUseCase {
  private final Messages messages;
  private final Transactions tx;
  private final TicketChanges changes;

  TicketReadService(Messages messages, Transactions tx, TicketChanges changes) {
    this.messages = requireNonNull(messages, "messages is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.changes = requireNonNull(changes, "changes is null");
  }

  @Override
  public Ticket find(Actor actor, TicketNumber number) {
    Validation.required(number, "ticketNumber");
    return changes.load(actor, number);
  }

  @Override
  public MessagePage list(
      Actor actor, TicketNumber number, Integer limit, String cursor, Language requested) {
    int size = limit == null ? DEFAULT_MESSAGES_PER_PAGE : limit;
    if (size < 1 || size > MAX_MESSAGES_PER_PAGE) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "limit must be between 1 and " + MAX_MESSAGES_PER_PAGE,
          Map.of("field", "limit"));
    }
    long afterId = cursor == null ? 0 : PageCursor.parseMessages(cursor);
    return tx.inTransaction(
        () -> {
          Ticket ticket = changes.load(actor, number);
          List<Message> rows =
              messages.list(
                  ticket.sellerId(), ticket.number(), !actor.is(Role.BUYER), afterId, size + 1);
          Language language = Language.forReader(actor.role(), ticket.storefront(), requested);
          if (rows.size() <= size) {
            return new MessagePage(rows, null, language, ticket.storefront());
          }
          List<Message> page = List.copyOf(rows.subList(0, size));
          return new MessagePage(
              page, PageCursor.messages(page.get(size - 1).id()), language, ticket.storefront());
        });
  }
}
