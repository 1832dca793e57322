package io.ticketdesk.app;

import static java.util.Objects.requireNonNull;

import com.google.inject.Inject;
import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.application.port.in.EscalateTicketUseCase;
import io.ticketdesk.application.port.in.IssueTokenUseCase;
import io.ticketdesk.application.port.in.OpenTicketUseCase;
import io.ticketdesk.application.port.in.PostMessageUseCase;
import io.ticketdesk.application.port.in.RefundUseCase;
import io.ticketdesk.application.port.in.RegisterSellerUseCase;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.Buyer;
import io.ticketdesk.domain.BuyerId;
import io.ticketdesk.domain.EscalationReason;
import io.ticketdesk.domain.MessageText;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderNumber;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.RefundReason;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.ReturnOffer;
import io.ticketdesk.domain.ReturnOption;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketTopic;
import io.ticketdesk.domain.UnitState;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The demo data set: eight sellers covering all seven storefronts, forty buyers, orders and about
 * 200 tickets in every status, written through the use cases over the last 40 days. Loaded only
 * into an empty database; tokens are issued fresh on every call (only their hashes are stored).
 */
final class DemoData {
  static final long DEMO_BUYER = 1001;
  private static final int BUYERS = 40;
  private static final int TICKETS = 200;

  private final Database db;
  private final TicketdeskCore core;

  @Inject
  DemoData(Database db, TicketdeskCore core) {
    this.db = requireNonNull(db, "db is null");
    this.core = requireNonNull(core, "core is null");
  }

  /** The tokens printed for a new user, one per role. */
  record Tokens(
      String marketplace, String seller, Seller demoSeller, String buyer, String customerService) {
    void print(PrintStream out, String url) {
      out.println();
      out.println("Demo tokens (new ones on every start; only their hashes are stored):");
      out.println("  marketplace       " + marketplace);
      out.println(
          "  seller            "
              + seller
              + "   (seller "
              + demoSeller.id().value()
              + ", "
              + demoSeller.name()
              + ")");
      out.println("  buyer             " + buyer + "   (buyer " + DEMO_BUYER + ")");
      out.println("  customer_service  " + customerService);
      if (url != null) {
        out.println();
        out.println("Try:");
        out.println(
            "  curl -s -H 'Authorization: Bearer "
                + seller
                + "' '"
                + url
                + "/api/v1/tickets?status=open&sort=due&limit=5'");
      }
      out.println();
    }
  }

  Tokens loadAndIssueTokens() {
    Seller demoSeller =
        db.transactions()
            .inTransaction(() -> db.sellers().find(SellerId.of(1)))
            .orElseGet(this::load);
    return new Tokens(
        issue(Actor.marketplace(), "demo marketplace"),
        issue(Actor.seller(demoSeller.id()), "demo seller"),
        demoSeller,
        issue(Actor.buyer(BuyerId.of(DEMO_BUYER)), "demo buyer"),
        issue(Actor.customerService(), "demo customer service"));
  }

  private String issue(Actor subject, String label) {
    return core.issueToken()
        .issue(Actor.marketplace(), new IssueTokenUseCase.Command(subject, label))
        .token();
  }

  private record SellerSpec(String name, Set<Storefront> storefronts, ReturnAddress address) {}

  private static final List<SellerSpec> SELLERS =
      List.of(
          new SellerSpec(
              "Nordlicht Outdoor GmbH",
              EnumSet.of(Storefront.DE, Storefront.AT),
              new ReturnAddress("Nordlicht Retouren", "Hafenstraße 12", "20457", "Hamburg", "DE")),
          new SellerSpec(
              "Alpenblick Sport e.U.",
              EnumSet.of(Storefront.AT, Storefront.DE),
              new ReturnAddress("Alpenblick Sport", "Museumstraße 5", "6020", "Innsbruck", "AT")),
          new SellerSpec(
              "Vltava Elektro s.r.o.",
              EnumSet.of(Storefront.CZ, Storefront.SK),
              new ReturnAddress("Vltava Elektro", "Na Poříčí 1041", "11000", "Praha", "CZ")),
          new SellerSpec(
              "Tatra Home s.r.o.",
              EnumSet.of(Storefront.SK),
              new ReturnAddress("Tatra Home", "Hlavná 20", "04001", "Košice", "SK")),
          new SellerSpec(
              "Wisła Dom Sp. z o.o.",
              EnumSet.of(Storefront.PL),
              new ReturnAddress("Wisła Dom", "ul. Marszałkowska 84", "00-514", "Warszawa", "PL")),
          new SellerSpec(
              "Maison Lumière SAS",
              EnumSet.of(Storefront.FR),
              new ReturnAddress("Maison Lumière", "12 rue de la Paix", "75002", "Paris", "FR")),
          new SellerSpec(
              "Casa Verde S.r.l.",
              EnumSet.of(Storefront.IT),
              new ReturnAddress("Casa Verde", "Via Roma 8", "20121", "Milano", "IT")),
          new SellerSpec(
              "EuroTech Trading GmbH",
              EnumSet.allOf(Storefront.class),
              new ReturnAddress(
                  "EuroTech Returns", "Industriestraße 3", "04109", "Leipzig", "DE")));

  private static final String[] PRODUCTS = {
    "Trekking backpack 45 l", "Bike rack for tow bar", "Espresso machine", "LED desk lamp",
    "Cordless drill 18 V", "Winter jacket", "Running shoes", "Bluetooth speaker",
    "Cast-iron pan 28 cm", "Robot vacuum cleaner", "Garden hose 25 m", "Office chair",
    "Tent for 3 persons", "Electric toothbrush", "Smartwatch", "Coffee grinder"
  };

  private static final String[] FIRST = {
    "Anna",
    "Jonas",
    "Lena",
    "Petr",
    "Jana",
    "Marek",
    "Zofia",
    "Camille",
    "Luca",
    "Giulia",
    "Eva",
    "Tomáš",
    "Hugo",
    "Sophie",
    "Marco",
    "Katarzyna"
  };
  private static final String[] LAST = {
    "Müller",
    "Novák",
    "Kowalski",
    "Dubois",
    "Rossi",
    "Huber",
    "Horváth",
    "Schmidt",
    "Martin",
    "Bianchi"
  };

  private static final String[] BUYER_TEXTS = {
    "Hello, my parcel has not arrived yet. Can you tell me where it is?",
    "The item arrived damaged. What can we do?",
    "I would like to return the item and get my money back.",
    "One part is missing from the package.",
    "Could you please send me an invoice for this order?",
    "The product does not match the description on the page.",
    "Can I still change the delivery address?",
    "The device stopped working after two days."
  };
  private static final String[] SELLER_TEXTS = {
    "Thank you for your message. We are looking into it and will get back to you shortly.",
    "We are sorry to hear that. Could you send us a photo of the damage?",
    "Your parcel is on its way; the tracking shows delivery tomorrow.",
    "We have sent the missing part today.",
    "Attached you find the invoice for your order.",
    "You can return the item with the enclosed return label."
  };

  private Seller load() {
    Random random = new Random(20260201L);
    Instant end = core.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    Instant start = end.minus(Duration.ofDays(40));
    DemoClock demoClock = new DemoClock(start);
    // The same core, written through as the days go by.
    TicketdeskCore demo = core.withClock(demoClock);
    PostMessageUseCase tickets = demo.postMessage();
    Actor marketplace = Actor.marketplace();

    List<Seller> registered = new ArrayList<>();
    for (SellerSpec spec : SELLERS) {
      registered.add(
          core.registerSeller()
              .register(
                  marketplace,
                  new RegisterSellerUseCase.Command(
                      spec.name(), spec.storefronts(), spec.address())));
    }

    List<Order> allOrders = new ArrayList<>();
    Set<String> orderNumbers = new java.util.HashSet<>();
    long unitId = 5_000_001L;
    int orderCount = 160;
    for (int i = 0; i < orderCount; i++) {
      // The first seller gets a larger share, and the demo buyer orders from it.
      Seller seller =
          i % 4 == 0 ? registered.get(0) : registered.get(random.nextInt(registered.size()));
      List<Storefront> fronts = new ArrayList<>(seller.storefronts());
      fronts.sort(null);
      Storefront sf = fronts.get(random.nextInt(fronts.size()));
      long buyerId = i % 8 == 0 ? DEMO_BUYER : DEMO_BUYER + random.nextInt(BUYERS);
      String name =
          FIRST[(int) (buyerId % FIRST.length)] + " " + LAST[(int) (buyerId % LAST.length)];
      Instant orderedAt = start.minus(Duration.ofDays(3 + random.nextInt(20)));
      int units = 1 + random.nextInt(3);
      List<OrderUnit> list = new ArrayList<>();
      for (int u = 0; u < units; u++) {
        long price = priceFor(sf, random);
        UnitState state = random.nextInt(10) < 8 ? UnitState.RECEIVED : UnitState.SENT;
        Instant delivered =
            state == UnitState.RECEIVED
                ? orderedAt.plus(Duration.ofDays(2 + random.nextInt(3)))
                : null;
        list.add(
            new OrderUnit(
                OrderUnitId.of(unitId++),
                PRODUCTS[random.nextInt(PRODUCTS.length)],
                String.format("40%011d", random.nextLong(100_000_000_000L)),
                Money.of(price, sf.currency()),
                state,
                delivered));
      }
      Order order =
          new Order(
              OrderNumber.of(uniqueOrderNumber(random, orderNumbers)),
              sf,
              seller.id(),
              new Buyer(BuyerId.of(buyerId), name, "buyer" + buyerId + "@example.com"),
              orderedAt,
              list);
      allOrders.add(core.feedOrder().feed(marketplace, order));
    }

    TicketReason[] reasons = TicketReason.values();
    for (int i = 0; i < TICKETS; i++) {
      demoClock.set(start.plus(Duration.ofMinutes((long) i * 40 * 24 * 60 / TICKETS)));
      Order order =
          allOrders.get(i < 40 ? (i * 4) % allOrders.size() : random.nextInt(allOrders.size()));
      Actor buyer = Actor.buyer(order.buyer().id());
      Actor seller = Actor.seller(order.sellerId());
      TicketReason reason = reasons[random.nextInt(reasons.length)];
      TicketTopic topic = topicFor(reason, random);
      ReturnIntent intent =
          reason == TicketReason.PRODUCT_RETURN
              ? ReturnIntent.values()[random.nextInt(ReturnIntent.values().length)]
              : null;
      boolean sellerOpens = random.nextInt(12) == 0;
      OpenTicketUseCase.Command open =
          new OpenTicketUseCase.Command(
              List.of(order.units().get(0).id()),
              null,
              reason,
              topic,
              intent,
              MessageText.of(
                  sellerOpens
                      ? "Hello, we need to confirm your delivery address before shipping."
                      : BUYER_TEXTS[random.nextInt(BUYER_TEXTS.length)]));
      Ticket ticket = demo.openTicket().open(sellerOpens ? seller : buyer, open).ticket();
      // Play the conversation forward: the later the ticket, the less has happened yet.
      int steps = i > TICKETS - 30 ? random.nextInt(2) : random.nextInt(5);
      for (int s = 0; s < steps; s++) {
        demoClock.advance(Duration.ofMinutes(30 + random.nextInt(60 * 30)));
        if (demoClock.instant().isAfter(end)) {
          break;
        }
        Ticket current = demo.findTicket().find(seller, ticket.number());
        if (current.isClosed()) {
          break;
        }
        if (random.nextInt(6) == 0) {
          post(tickets, seller, ticket, "Internal: check the stock before answering.", true);
        }
        if (current.isOpen() && random.nextInt(10) == 0) {
          demo.escalateTicket()
              .escalate(
                  seller,
                  new EscalateTicketUseCase.Command(
                      ticket.number(),
                      EscalationReason.values()[random.nextInt(EscalationReason.values().length)],
                      MessageText.of("Please take over: the buyer asks about the payment."),
                      null));
          if (random.nextBoolean()) {
            demoClock.advance(Duration.ofHours(3));
            demo.handBackTicket().handBack(Actor.customerService(), ticket.number(), null);
          } else {
            break;
          }
        } else if (current.isOpen()) {
          answer(demo, seller, current, SELLER_TEXTS[random.nextInt(SELLER_TEXTS.length)]);
          if (reason != TicketReason.CONTACT_OTHER && random.nextInt(4) == 0) {
            OrderUnit unit = order.units().get(0);
            demo.refund()
                .refund(
                    seller,
                    new RefundUseCase.Command(
                        ticket.number(),
                        unit.id(),
                        Money.of(Math.max(1, unit.price().amount() / 10), unit.price().currency()),
                        RefundReason.DELIVERY_DAMAGE,
                        null,
                        null,
                        null));
          }
        } else if (random.nextInt(3) == 0) {
          demo.closeTicket().close(seller, ticket.number(), null, null);
        } else {
          post(
              tickets,
              buyer,
              ticket,
              "Thank you. One more question about this order, please.",
              false);
        }
      }
    }
    return registered.get(0);
  }

  /**
   * The seller's answer; a first answer to a return request that owes a return option offers the
   * label in the package, as the return-option policy wants.
   */
  private static void answer(TicketdeskCore core, Actor seller, Ticket ticket, String text) {
    ReturnOffer offer = ReturnOffer.NONE;
    if (ticket.firstResponseAt() == null) {
      var policy = core.assessReturnPolicy().state(seller, ticket);
      if (policy.applies() && !policy.satisfied()) {
        offer =
            new ReturnOffer(
                List.of(new ReturnOption(ReturnOptionType.LABEL_IN_PACKAGE, null, null, null)),
                null);
      }
    }
    core.postMessage()
        .post(
            seller,
            new PostMessageUseCase.Command(
                ticket.number(),
                MessageText.of(text),
                null,
                false,
                null,
                offer,
                false,
                null,
                null));
  }

  private static void post(
      PostMessageUseCase tickets, Actor actor, Ticket ticket, String text, boolean internal) {
    tickets.post(
        actor,
        new PostMessageUseCase.Command(ticket.number(), MessageText.of(text), internal, null));
  }

  private static TicketTopic topicFor(TicketReason reason, Random random) {
    TicketTopic[] options =
        switch (reason) {
          case PRODUCT_NOT_DELIVERED ->
              new TicketTopic[] {
                TicketTopic.DELIVERY_NOT_RECEIVED, TicketTopic.DELIVERY_DELAYED, null
              };
          case PRODUCT_DEFECT -> new TicketTopic[] {TicketTopic.ORDER_PRODUCT_DEFECT, null};
          case PRODUCT_RETURN ->
              new TicketTopic[] {
                TicketTopic.RETURN_REQUEST_LABEL, TicketTopic.RETURN_CHECK_STATUS, null
              };
          case PRODUCT_NOT_AS_DESCRIBED ->
              new TicketTopic[] {
                TicketTopic.DELIVERY_WRONG_PRODUCTS, TicketTopic.PRODUCT_PROPERTIES, null
              };
          case CONTACT_OTHER ->
              new TicketTopic[] {
                TicketTopic.INVOICE_NEEDED,
                TicketTopic.DELIVERY_CHANGE_ADDRESS,
                TicketTopic.ISSUE_PAYPAL,
                TicketTopic.OTHER_QUESTION
              };
        };
    return options[random.nextInt(options.length)];
  }

  private static long priceFor(Storefront sf, Random random) {
    long eurCents = 999 + random.nextInt(30_000);
    return switch (sf.currency()) {
      case "CZK" -> eurCents * 25;
      case "PLN" -> eurCents * 43 / 10;
      default -> eurCents;
    };
  }

  private static String uniqueOrderNumber(Random random, Set<String> taken) {
    String candidate = orderNumber(random);
    while (!taken.add(candidate)) {
      candidate = orderNumber(random);
    }
    return candidate;
  }

  private static String orderNumber(Random random) {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder sb = new StringBuilder("M");
    for (int i = 0; i < 6; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** A clock the loader moves through the demo timeline. */
  private static final class DemoClock extends Clock {
    private Instant now;

    DemoClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
