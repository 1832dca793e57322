package io.ticketdesk.adapters.http;

import io.ticketdesk.application.port.out.WebhookSender;
import io.ticketdesk.domain.AttemptResult;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook client for the HTTP tests: refuses hosts under {@code .internal} (as the real client
 * refuses private addresses), records what it is asked to post and answers 200 (or the {@link
 * #answers} given first).
 */
final class FakeWebhookSender implements WebhookSender {
  record Posted(URI target, Map<String, String> headers, String body) {}

  final List<Posted> posted = new CopyOnWriteArrayList<>();

  /** Answers to give, in order, before the usual 200. */
  final java.util.Queue<AttemptResult> answers = new java.util.concurrent.ConcurrentLinkedQueue<>();

  @Override
  public Optional<String> refusal(URI target) {
    return target.getHost() != null && target.getHost().endsWith(".internal")
        ? Optional.of("the host resolves to a private address")
        : Optional.empty();
  }

  @Override
  public AttemptResult post(URI target, Map<String, String> headers, String body) {
    posted.add(new Posted(target, headers, body));
    AttemptResult scripted = answers.poll();
    return scripted != null ? scripted : AttemptResult.status(200, 1);
  }
}
