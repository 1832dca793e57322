package io.ticketdesk.benchmarks;

import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketStatus;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.UnitState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Generates a marketplace's history: sellers of skewed sizes (Zipf, exponent 0.8), orders with
 * units, tickets numbered from the ticket sequence in the order they were opened (growing volume
 * over two years), and each ticket's chat played through the domain's own transitions ({@link
 * Ticket#openedByBuyer}, {@link Ticket#onMessage}, {@link Ticket#close}) so every row is one the
 * application could have written.
 *
 * <p>Deadlines use a calendar of weekends only ({@link PublicHolidays#none()}): the benchmarks may
 * not depend on the calendar adapter. The server recomputes the deadlines of open tickets with the
 * national holidays at its first start (its calendar fingerprint is not stored yet).
 */
final class Generator {
  static final int CHUNK_TICKETS = 5_000;
  static final long FIRST_ORDER_UNIT_ID = 100_000_001L;
  private static final double ZIPF_EXPONENT = 0.8;
  private static final long HISTORY_DAYS = 730;
  private static final long ORDER_SPACE = 78_364_164_096L; // 36^7
  private static final long ORDER_MULTIPLIER = 5_754_853_343L; // odd, not a multiple of 3

  record Config(long tickets, int sellers, long seed, Instant now, int manifestSample) {}

  /** A ticket remembered for the load driver. */
  record Sample(
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
      List<Manifest.Unit> units) {}

  /** What the generator produced, for the manifest and the sequences. */
  static final class Result {
    long tickets;
    long messages;
    long orders;
    long orderUnits;
    long ticketUnits;
    long lastMessageId;
    long[] ticketsPerSeller;
    final long[] statusCounts = new long[TicketStatus.values().length];
    final List<Sample> samples = new ArrayList<>();
  }

  private final Config config;
  private final SplittableRandom random;
  private final ResponseDeadline deadline = new ResponseDeadline(PublicHolidays.none());
  private final double[] sellerCdf;
  private final long[] sellerOfRank;
  private final List<List<Storefront>> sellerStorefronts = new ArrayList<>();
  private final Order[] lastOrderOfSeller;
  private final long buyers;
  private long orderCounter;
  private long orderUnitId = FIRST_ORDER_UNIT_ID;
  private long messageId;

  Generator(Config config) {
    this.config = config;
    this.random = new SplittableRandom(config.seed());
    int s = config.sellers();
    sellerCdf = new double[s];
    double sum = 0;
    for (int r = 0; r < s; r++) {
      sum += 1.0 / Math.pow(r + 1, ZIPF_EXPONENT);
      sellerCdf[r] = sum;
    }
    for (int r = 0; r < s; r++) {
      sellerCdf[r] /= sum;
    }
    sellerOfRank = new long[s];
    for (int i = 0; i < s; i++) {
      sellerOfRank[i] = i + 1;
    }
    for (int i = s - 1; i > 0; i--) { // shuffle: the biggest seller is not seller 1
      int j = random.nextInt(i + 1);
      long tmp = sellerOfRank[i];
      sellerOfRank[i] = sellerOfRank[j];
      sellerOfRank[j] = tmp;
    }
    lastOrderOfSeller = new Order[s + 1];
    buyers = Math.max(50, config.tickets() * 6 / 10);
  }

  /** Emits the sellers, then chunks of tickets with their orders and messages. */
  Result generate(Consumer<Chunk> out) {
    Result result = new Result();
    result.ticketsPerSeller = new long[config.sellers() + 1];
    Instant start = config.now().minus(HISTORY_DAYS, ChronoUnit.DAYS);
    Chunk sellers = new Chunk();
    for (int id = 1; id <= config.sellers(); id++) {
      List<Storefront> storefronts = storefrontsOfSeller();
      sellerStorefronts.add(storefronts);
      String name = Names.company(random, id);
      String[] city = Names.CITIES[random.nextInt(Names.CITIES.length)];
      sellers.add(
          Table.SELLERS,
          (long) id,
          name,
          storefronts.stream().map(Storefront::code).collect(Collectors.joining(",")),
          name + " Returns",
          Names.street(random),
          city[2],
          city[1],
          city[0],
          start.minus(random.nextLong(1, 400), ChronoUnit.DAYS));
    }
    out.accept(sellers);

    double probabilityOfSample =
        Math.min(1.0, (double) config.manifestSample() / Math.max(1, config.tickets()));
    Chunk chunk = new Chunk();
    long spanMicros = HISTORY_DAYS * 86_400_000_000L;
    for (long k = 1; k <= config.tickets(); k++) {
      // Growing volume: density 1 + t over [0, 1]; quantiles in ticket order keep times rising.
      double u = (k - 1 + random.nextDouble()) / config.tickets();
      double t = -1 + Math.sqrt(1 + 3 * u);
      Instant created = start.plus((long) (t * spanMicros), ChronoUnit.MICROS);
      Made made = ticket(chunk, result, k, created);
      Ticket ticket = made.ticket();
      result.tickets++;
      result.ticketsPerSeller[(int) ticket.sellerId().value()]++;
      result.statusCounts[ticket.status().ordinal()]++;
      if (random.nextDouble() < probabilityOfSample) {
        result.samples.add(
            new Sample(
                ticket.number().value(),
                ticket.sellerId().value(),
                ticket.buyerId().value(),
                ticket.orderNumber().value(),
                ticket.status().wire(),
                ticket.waitingOn() == null ? null : ticket.waitingOn().wire(),
                ticket.topic() == null ? null : ticket.topic().wire(),
                ticket.createdAt(),
                ticket.closedFinally(),
                ticket.reason().wire(),
                ticket.returnIntent() == null ? null : ticket.returnIntent().wire(),
                ticket.storefront().currency(),
                made.order().units().stream()
                    .filter(unit -> ticket.orderUnitIds().contains(unit.id()))
                    .map(unit -> new Manifest.Unit(unit.id().value(), unit.price().amount()))
                    .toList()));
      }
      chunk.tickets++;
      if (chunk.tickets == CHUNK_TICKETS) {
        out.accept(chunk);
        chunk = new Chunk();
      }
    }
    if (chunk.tickets > 0) {
      out.accept(chunk);
    }
    result.lastMessageId = messageId;
    return result;
  }

  private List<Storefront> storefrontsOfSeller() {
    EnumSet<Storefront> set = EnumSet.noneOf(Storefront.class);
    if (random.nextDouble() < 0.85) {
      set.add(Storefront.DE);
    }
    for (Storefront sf : Storefront.values()) {
      if (sf != Storefront.DE && random.nextDouble() < 0.25) {
        set.add(sf);
      }
    }
    if (set.isEmpty()) {
      set.add(Storefront.values()[random.nextInt(Storefront.values().length)]);
    }
    return List.copyOf(set); // EnumSet order, as JdbiSellers stores it
  }

  private long pickSeller() {
    double u = random.nextDouble();
    int lo = 0;
    int hi = sellerCdf.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sellerCdf[mid] < u) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return sellerOfRank[lo];
  }

  /** A generated ticket and its order. */
  private record Made(Ticket ticket, Order order) {}

  private Made ticket(Chunk chunk, Result result, long k, Instant created) {
    long seller = pickSeller();
    TicketReason reason = Weighted.reason(random);
    Order order = lastOrderOfSeller[(int) seller];
    List<OrderUnitId> unitIds;
    if (order != null && random.nextDouble() < 0.05) {
      // A second ticket on an order the seller already has a ticket for.
      unitIds = List.of(order.units().get(random.nextInt(order.units().size())).id());
    } else {
      order = newOrder(chunk, result, seller, reason, created);
      lastOrderOfSeller[(int) seller] = order;
      unitIds =
          order.units().size() > 1 && random.nextDouble() < 0.3
              ? order.units().stream().map(OrderUnit::id).toList()
              : List.of(order.units().get(0).id());
    }
    TicketTopic topic = random.nextDouble() < 0.05 ? null : Weighted.topic(random, reason);
    ReturnIntent intent =
        reason == TicketReason.PRODUCT_RETURN && random.nextDouble() < 0.9
            ? Weighted.returnIntent(random)
            : null;
    Ticket.Opening opening = new Ticket.Opening(order, unitIds, reason, topic, intent);
    TicketNumber number = TicketNumber.fromSequence(k);
    boolean bySeller = random.nextDouble() < 0.03;
    Ticket ticket =
        bySeller
            ? Ticket.openedBySeller(number, opening, created)
            : Ticket.openedByBuyer(number, opening, created, deadline);
    List<Object[]> messages = new ArrayList<>();
    messages.add(
        message(
            ticket,
            bySeller ? AuthorRole.SELLER : AuthorRole.BUYER,
            false,
            created,
            Texts.opening(random, reason, order.number().value(), bySeller)));
    ticket = playChat(ticket, messages, created);

    chunk.add(
        Table.TICKETS,
        seller,
        number.value(),
        ticket.buyerId().value(),
        ticket.storefront().code(),
        ticket.orderNumber().value(),
        ticket.reason().wire(),
        topic == null ? null : topic.wire(),
        intent == null ? null : intent.wire(),
        ticket.status().wire(),
        ticket.waitingOn() == null ? null : ticket.waitingOn().wire(),
        ticket.closedFinally(),
        ticket.createdAt(),
        ticket.updatedAt(),
        ticket.openSince(),
        ticket.responseDueAt(),
        ticket.firstResponseAt(),
        ticket.firstResponseDueAt(),
        ticket.firstResponseWorkingTime() == null
            ? null
            : TimeUnit.NANOSECONDS.toMicros(ticket.firstResponseWorkingTime().toNanos()),
        ticket.version());
    int pos = 0;
    for (OrderUnitId unit : ticket.orderUnitIds()) {
      chunk.add(Table.TICKET_UNITS, seller, number.value(), pos++, unit.value());
      result.ticketUnits++;
    }
    for (Object[] m : messages) {
      chunk.add(Table.MESSAGES, m);
    }
    result.messages += messages.size();
    return new Made(ticket, order);
  }

  /** Plays the chat forward from the opening until it rests or reaches the present. */
  private Ticket playChat(Ticket ticket, List<Object[]> messages, Instant opened) {
    Instant at = opened;
    for (int step = 0; step < 14; step++) {
      double r = random.nextDouble();
      AuthorRole author;
      boolean internal = false;
      boolean close = false;
      boolean finalClose = false;
      double meanHours;
      switch (ticket.status()) {
        case OPEN -> {
          if (r < 0.03) {
            return ticket; // never answered: stays open, eventually overdue
          } else if (r < 0.08) {
            author = AuthorRole.SELLER;
            internal = true;
            meanHours = 4;
          } else if (r < 0.12) {
            author = AuthorRole.BUYER;
            meanHours = 10;
          } else {
            author = AuthorRole.SELLER;
            meanHours = 16;
          }
        }
        case WAITING -> {
          if (r < 0.10) {
            return ticket; // the buyer never answers
          } else if (r < 0.55) {
            author = AuthorRole.BUYER;
            meanHours = 30;
          } else if (r < 0.95) {
            author = random.nextDouble() < 0.03 ? AuthorRole.CUSTOMER_SERVICE : AuthorRole.SELLER;
            close = true;
            finalClose = author == AuthorRole.CUSTOMER_SERVICE;
            meanHours = 40;
          } else {
            author = AuthorRole.SELLER;
            internal = true;
            meanHours = 6;
          }
        }
        default -> {
          if (r < 0.07 && !ticket.closedFinally()) {
            author = AuthorRole.BUYER;
            meanHours = 96;
          } else {
            return ticket;
          }
        }
      }
      long delayMicros =
          Math.max(60_000_000L, (long) (-Math.log(1 - random.nextDouble()) * meanHours * 3.6e9));
      at = at.plus(delayMicros, ChronoUnit.MICROS);
      if (at.isAfter(config.now())) {
        return ticket;
      }
      if (close) {
        ticket = ticket.close(author, null, at);
        messages.add(
            message(
                ticket,
                AuthorRole.SYSTEM,
                false,
                at,
                "Ticket closed by "
                    + (finalClose ? "customer service" : "the seller")
                    + (finalClose ? " (final: a buyer reply will not reopen it)." : ".")));
      } else {
        ticket = ticket.onMessage(author, internal, at, deadline);
        messages.add(message(ticket, author, internal, at, Texts.reply(random, author, internal)));
      }
    }
    return ticket;
  }

  private Object[] message(
      Ticket ticket, AuthorRole author, boolean internal, Instant at, String text) {
    return new Object[] {
      ticket.sellerId().value(),
      ++messageId,
      ticket.number().value(),
      author.wire(),
      text,
      internal,
      at
    };
  }

  private Order newOrder(
      Chunk chunk, Result result, long seller, TicketReason reason, Instant ticketCreated) {
    List<Storefront> storefronts = sellerStorefronts.get((int) seller - 1);
    Storefront sf = Weighted.storefront(random, storefronts);
    long buyerId = 7_000_000L + random.nextLong(buyers);
    Buyer buyer = Names.buyer(buyerId);
    Instant orderedAt =
        ticketCreated.minus(random.nextLong(6 * 3600, 40 * 86_400L), ChronoUnit.SECONDS);
    long x = Math.floorMod(++orderCounter * ORDER_MULTIPLIER + 1_234_567L, ORDER_SPACE);
    OrderNumber number = OrderNumber.of(base36(x));
    double rn = random.nextDouble();
    int n = rn < 0.7 ? 1 : rn < 0.9 ? 2 : 3;
    List<OrderUnit> units = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long euroCents = (long) Math.exp(Math.log(499) + random.nextDouble() * Math.log(100));
      long amount =
          switch (sf) {
            case CZ -> euroCents * 25;
            case PL -> euroCents * 43 / 10;
            default -> euroCents;
          };
      UnitState state;
      Instant delivered = null;
      if (reason == TicketReason.PRODUCT_NOT_DELIVERED) {
        state = UnitState.SENT;
      } else {
        state = UnitState.RECEIVED;
        Instant d = orderedAt.plus(random.nextLong(20, 120), ChronoUnit.HOURS);
        delivered = d.isBefore(ticketCreated) ? d : ticketCreated.minus(1, ChronoUnit.HOURS);
      }
      units.add(
          new OrderUnit(
              OrderUnitId.of(orderUnitId++),
              Names.PRODUCTS[random.nextInt(Names.PRODUCTS.length)],
              "40" + String.format("%011d", random.nextLong(100_000_000_000L)),
              Money.of(amount, sf.currency()),
              state,
              delivered));
    }
    Order order = new Order(number, sf, SellerId.of(seller), buyer, orderedAt, units);
    chunk.add(
        Table.ORDERS,
        seller,
        number.value(),
        sf.code(),
        buyerId,
        buyer.name(),
        buyer.email(),
        orderedAt);
    int pos = 0;
    for (OrderUnit unit : units) {
      chunk.add(
          Table.ORDER_UNITS,
          seller,
          unit.id().value(),
          number.value(),
          pos++,
          unit.title(),
          unit.ean(),
          unit.price().amount(),
          unit.price().currency(),
          unit.state().wire(),
          unit.deliveredAt());
    }
    result.orders++;
    result.orderUnits += units.size();
    return order;
  }

  static String base36(long x) {
    char[] c = new char[7];
    for (int i = 6; i >= 0; i--) {
      c[i] = Character.toUpperCase(Character.forDigit((int) (x % 36), 36));
      x /= 36;
    }
    return new String(c);
  }
}
