package io.ticketdesk.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/** One kind of request, with its targets drawn at random from the manifest's sample. */
enum Scenario {
  /** {@code GET /api/v1/tickets/{n}} as the owning seller. */
  LOOKUP(200),
  /** {@code GET /api/v1/tickets?q=<order number>} as the seller. */
  SEARCH(200),
  /** {@code GET /api/v1/tickets?status=open&sort=due&limit=50}: the seller's due inbox. */
  INBOX(200),
  /** {@code GET /api/v1/tickets?topic=…&createdFrom=…&createdTo=…} as the seller. */
  FILTER(200),
  /** {@code POST /api/v1/tickets/{n}/messages} as the seller or the buyer (half each). */
  REPLY(201),
  /**
   * {@code POST /api/v1/tickets/{n}/refunds} — TODO: the partial-refund endpoint comes with the
   * actions issue. When it exists, build its request here (a seller refunding part of one unit of a
   * sampled {@code product_return} ticket), add the scenario to {@link #ALL} and its SQL to {@code
   * FloorCommand}.
   */
  REFUND(201);

  /** The scenarios {@code --scenario all} runs. */
  static final List<Scenario> ALL = List.of(LOOKUP, SEARCH, INBOX, FILTER, REPLY);

  final int expectedStatus;

  Scenario(int expectedStatus) {
    this.expectedStatus = expectedStatus;
  }

  String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Targets of this scenario among the sampled tickets. */
  List<Manifest.Ticket> targets(Manifest m) {
    return switch (this) {
      case FILTER -> m.tickets.stream().filter(t -> t.topic() != null).toList();
      case REPLY ->
          m.tickets.stream()
              .filter(t -> !"closed".equals(t.status()))
              .filter(t -> !"customer_service".equals(t.waitingOn()))
              .filter(t -> m.buyerTokens.containsKey(t.buyerId()))
              .toList();
      case REFUND ->
          throw new UnsupportedOperationException(
              "the refund scenario needs POST /api/v1/tickets/{n}/refunds (the actions issue)");
      default -> m.tickets;
    };
  }

  HttpRequest request(String baseUrl, Manifest m, Manifest.Ticket t, SplittableRandom random) {
    String api = baseUrl + "/api/v1/tickets";
    String sellerToken = m.sellerTokens.get(t.sellerId());
    HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
    return switch (this) {
      case LOOKUP -> get(b, api + "/" + t.number(), sellerToken);
      case SEARCH -> get(b, api + "?q=" + t.orderNumber(), sellerToken);
      case INBOX -> get(b, api + "?status=open&sort=due&limit=50", sellerToken);
      case FILTER -> {
        // A month around the sampled ticket's creation: never empty, like a real query.
        var from = t.createdAt().truncatedTo(ChronoUnit.DAYS).minus(15, ChronoUnit.DAYS);
        var to = from.plus(30, ChronoUnit.DAYS);
        yield get(
            b,
            api
                + "?topic="
                + t.topic()
                + "&createdFrom="
                + enc(from.toString())
                + "&createdTo="
                + enc(to.toString()),
            sellerToken);
      }
      case REPLY -> {
        boolean asSeller = random.nextBoolean();
        String token = asSeller ? sellerToken : m.buyerTokens.get(t.buyerId());
        String text =
            asSeller
                ? "Thank you, we are looking into it (benchmark reply)."
                : "Any news on my ticket? (benchmark reply)";
        yield b.uri(URI.create(api + "/" + t.number() + "/messages"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
            .build();
      }
      case REFUND -> throw new UnsupportedOperationException("TODO: the actions issue");
    };
  }

  private static HttpRequest get(HttpRequest.Builder b, String url, String token) {
    return b.uri(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
