package io.ticketdesk.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the generator made, for the load driver and the floor: the tokens (in clear — a bench
 * database only) and a random sample of tickets. Tab-separated lines: {@code meta key value},
 * {@code marketplace token}, {@code seller id token tickets}, {@code buyer id token}, {@code ticket
 * number seller buyer order status waitingOn topic createdAt closedFinally} ({@code -} = none).
 */
final class Manifest {
  record Ticket(
      String number,
      long sellerId,
      long buyerId,
      String orderNumber,
      String status,
      String waitingOn,
      String topic,
      Instant createdAt,
      boolean closedFinally) {}

  final Map<String, String> meta = new LinkedHashMap<>();
  String marketplaceToken;
  final Map<Long, String> sellerTokens = new HashMap<>();
  final Map<Long, Long> sellerTickets = new HashMap<>();
  final Map<Long, String> buyerTokens = new HashMap<>();
  final List<Ticket> tickets = new ArrayList<>();

  void write(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        PrintWriter out = new PrintWriter(w)) {
      out.println("# Ticketdesk benchmark manifest (contains bearer tokens of a bench database)");
      meta.forEach((k, v) -> out.println("meta\t" + k + "\t" + v));
      out.println("marketplace\t" + marketplaceToken);
      sellerTokens.forEach(
          (id, token) ->
              out.println(
                  "seller\t" + id + "\t" + token + "\t" + sellerTickets.getOrDefault(id, 0L)));
      buyerTokens.forEach((id, token) -> out.println("buyer\t" + id + "\t" + token));
      for (Ticket t : tickets) {
        out.println(
            String.join(
                "\t",
                "ticket",
                t.number(),
                Long.toString(t.sellerId()),
                Long.toString(t.buyerId()),
                t.orderNumber(),
                t.status(),
                dash(t.waitingOn()),
                dash(t.topic()),
                t.createdAt().toString(),
                Boolean.toString(t.closedFinally())));
      }
    }
  }

  static Manifest read(Path file) throws IOException {
    Manifest m = new Manifest();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "meta" -> m.meta.put(f[1], f[2]);
        case "marketplace" -> m.marketplaceToken = f[1];
        case "seller" -> {
          m.sellerTokens.put(Long.parseLong(f[1]), f[2]);
          m.sellerTickets.put(Long.parseLong(f[1]), Long.parseLong(f[3]));
        }
        case "buyer" -> m.buyerTokens.put(Long.parseLong(f[1]), f[2]);
        case "ticket" ->
            m.tickets.add(
                new Ticket(
                    f[1],
                    Long.parseLong(f[2]),
                    Long.parseLong(f[3]),
                    f[4],
                    f[5],
                    undash(f[6]),
                    undash(f[7]),
                    Instant.parse(f[8]),
                    Boolean.parseBoolean(f[9])));
        default -> throw new IOException("unknown manifest line: " + f[0]);
      }
    }
    if (m.tickets.isEmpty() || m.sellerTokens.isEmpty()) {
      throw new IOException(file + " has no tickets or no seller tokens");
    }
    return m;
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

  private static String undash(String s) {
    return "-".equals(s) ? null : s;
  }
}
