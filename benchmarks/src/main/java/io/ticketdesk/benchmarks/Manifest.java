package io.ticketdesk.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the generator made, for the load driver and the floor: the tokens (in clear — a bench
 * database only) and a random sample of tickets. Tab-separated lines: {@code meta key value},
 * {@code marketplace token}, {@code seller id token tickets}, {@code buyer id token}, {@code ticket
 * number seller buyer order status waitingOn topic createdAt closedFinally reason returnIntent
 * currency units} ({@code -} = none; {@code units} = {@code id:price,…}, the ticket's order units
 * with their prices in minor units of {@code currency}).
 *
 * <p>Format 2 ({@code meta format 2}) added the last four fields of a ticket line. A format-1
 * manifest (without them) is still read: its tickets have no reason and no units, which the lookup,
 * search, inbox and filter scenarios do not need; reply then cannot tell return requests and refund
 * refuses it.
 */
final class Manifest {
  /** The format {@link #write} writes. */
  static final int FORMAT = 2;

  /** An order unit of a sampled ticket, with its price in minor units of the ticket's currency. */
  record Unit(long id, long price) {}

  record Ticket(
      String number,
      long sellerId,
      long buyerId,
      String orderNumber,
      String status,
      String waitingOn,
      String topic,
      Instant createdAt,
      boolean closedFinally,
      String reason,
      String returnIntent,
      String currency,
      List<Unit> units) {
    Ticket {
      units = List.copyOf(units);
    }

    /** A return request ({@code reason} {@code product_return}); false when not recorded. */
    boolean returnRequest() {
      return "product_return".equals(reason);
    }

    /** The unit a benchmark refund takes its cent from: the dearest, which has the most to give. */
    Unit refundUnit() {
      return units.stream().max(Comparator.comparingLong(Unit::price)).orElseThrow();
    }
  }

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
      out.println("meta\tformat\t" + FORMAT);
      meta.forEach(
          (k, v) -> {
            if (!k.equals("format")) {
              out.println("meta\t" + k + "\t" + v);
            }
          });
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
                Boolean.toString(t.closedFinally()),
                dash(t.reason()),
                dash(t.returnIntent()),
                dash(t.currency()),
                units(t.units())));
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
                    Boolean.parseBoolean(f[9]),
                    f.length > 10 ? undash(f[10]) : null,
                    f.length > 11 ? undash(f[11]) : null,
                    f.length > 12 ? undash(f[12]) : null,
                    f.length > 13 ? units(f[13]) : List.of()));
        default -> throw new IOException("unknown manifest line: " + f[0]);
      }
    }
    if (m.format() > FORMAT) {
      throw new IOException(
          file + " is in manifest format " + m.format() + "; this tool reads up to " + FORMAT);
    }
    if (m.tickets.isEmpty() || m.sellerTokens.isEmpty()) {
      throw new IOException(file + " has no tickets or no seller tokens");
    }
    return m;
  }

  /** The manifest's format: 1 when it does not say (written before formats were numbered). */
  int format() {
    return Integer.parseInt(meta.getOrDefault("format", "1"));
  }

  private static String units(List<Unit> units) {
    if (units.isEmpty()) {
      return "-";
    }
    StringBuilder sb = new StringBuilder();
    for (Unit u : units) {
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(u.id()).append(':').append(u.price());
    }
    return sb.toString();
  }

  private static List<Unit> units(String field) {
    if (field.isEmpty() || field.equals("-")) {
      return List.of();
    }
    List<Unit> units = new ArrayList<>();
    for (String unit : field.split(",")) {
      int colon = unit.indexOf(':');
      units.add(
          new Unit(
              Long.parseLong(unit.substring(0, colon)), Long.parseLong(unit.substring(colon + 1))));
    }
    return units;
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

  private static String undash(String s) {
    return "-".equals(s) ? null : s;
  }
}
