package io.ticketdesk.benchmarks;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

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
  /**
   * {@code POST /api/v1/tickets/{n}/messages} as the seller or the buyer (half each). The seller
   * answers a return request ({@code product_return}) as the return-option policy wants it, with a
   * return option valid for every ticket: {@code label_in_package}.
   */
  REPLY(201),
  /**
   * {@code POST /api/v1/tickets/{n}/refunds} as the owning seller: one minor unit (0.01) of the
   * ticket's dearest order unit, reason {@code other_refund}, a fresh {@code Idempotency-Key}.
   */
  REFUND(201);

  /** The scenarios {@code --scenario all} runs. */
  static final List<Scenario> ALL = List.of(LOOKUP, SEARCH, INBOX, FILTER, REPLY, REFUND);

  /** The scenarios a {@code --scenario} option names: {@code all} or scenario names. */
  static List<Scenario> parse(List<String> names) {
    List<Scenario> list = new java.util.ArrayList<>();
    for (String s : names) {
      if (s.equalsIgnoreCase("all")) {
        list.addAll(ALL);
      } else {
        list.add(valueOf(s.toUpperCase(java.util.Locale.ROOT)));
      }
    }
    return list;
  }

  /** What the seller's replies to return requests offer: valid on every ticket, once or again. */
  static final String RETURN_OPTIONS = "[{\"type\":\"label_in_package\"}]";

  /** A refund takes this many minor units (0.01 EUR, CZK, PLN): far less than any unit's price. */
  static final long REFUND_AMOUNT = 1;

  /** The refund's reason (a {@code RefundReason}). */
  static final String REFUND_REASON = "other_refund";

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
      case REFUND -> {
        // The seller may refund on open and waiting tickets (a closed one is 409 ticket-closed).
        // As for reply, tickets customer service leads are left alone.
        if (m.tickets.stream().allMatch(t -> t.units().isEmpty())) {
          throw new IllegalStateException(
              "the manifest has no order units (format "
                  + m.format()
                  + "); the refund scenario needs a manifest of format "
                  + Manifest.FORMAT
                  + ": generate the data set again");
        }
        yield m.tickets.stream()
            .filter(t -> !"closed".equals(t.status()))
            .filter(t -> !"customer_service".equals(t.waitingOn()))
            .filter(t -> t.currency() != null && !t.units().isEmpty())
            // Room for 100+ refunds at least (every generated unit has 499+ minor units).
            .filter(t -> t.refundUnit().price() >= 100 * REFUND_AMOUNT)
            .toList();
      }
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
        String body =
            asSeller && t.returnRequest()
                ? "{\"text\":\"" + text + "\",\"returnOptions\":" + RETURN_OPTIONS + "}"
                : "{\"text\":\"" + text + "\"}";
        yield b.uri(URI.create(api + "/" + t.number() + "/messages"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
      }
      case REFUND -> {
        String body =
            "{\"orderUnitId\":"
                + t.refundUnit().id()
                + ",\"amount\":{\"amount\":"
                + REFUND_AMOUNT
                + ",\"currency\":\""
                + t.currency()
                + "\"},\"reason\":\""
                + REFUND_REASON
                + "\"}";
        // A fresh key per request (not from the seeded random: a rerun on the same database would
        // repeat keys, and a repeated key is answered from the first use without refunding).
        yield b.uri(URI.create(api + "/" + t.number() + "/refunds"))
            .header("Authorization", "Bearer " + sellerToken)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "bench-" + UUID.randomUUID())
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
      }
    };
  }

  private static HttpRequest get(HttpRequest.Builder b, String url, String token) {
    return b.uri(URI.create(url)).header("Authorization", "Bearer " + token).GET().build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
