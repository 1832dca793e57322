package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.ManageTextModulesUseCase;
import io.ticketdesk.application.port.in.RenderTextModuleUseCase;
import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.application.port.out.ConcurrentUpdateException;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.ReturnLabels;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.TextModules;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Order;
import io.ticketdesk.domain.OrderUnit;
import io.ticketdesk.domain.Placeholder;
import io.ticketdesk.domain.ReturnAddress;
import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.Role;
import io.ticketdesk.domain.Seller;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModule;
import io.ticketdesk.domain.TextModuleId;
import io.ticketdesk.domain.TextModuleReturnOption;
import io.ticketdesk.domain.Ticket;
import io.ticketdesk.domain.TicketNumber;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sellers' text modules per sales channel, and rendering them for a ticket. */
public final class TextModuleService implements ManageTextModulesUseCase, RenderTextModuleUseCase {
  private final TextModules modules;
  private final Sellers sellers;
  private final Tickets tickets;
  private final Orders orders;
  private final Transactions tx;
  private final Clock clock;
  private final ReturnLabels labels;
  private final Carriers carriers;
  private final Optional<String> defaultCarrier;

  /**
   * With the tickets' return labels (they fill the {@code returnLabel.*} placeholders), the loaded
   * carriers (a module's {@code prepaid_label} option names one of them) and the carrier that makes
   * the labels of default modules naming none ({@code defaultCarrier}, if configured).
   */
  public TextModuleService(
      TextModules modules,
      Sellers sellers,
      Tickets tickets,
      Orders orders,
      Transactions tx,
      Clock clock,
      ReturnLabels labels,
      Carriers carriers,
      Optional<String> defaultCarrier) {
    this.modules = requireNonNull(modules, "modules is null");
    this.sellers = requireNonNull(sellers, "sellers is null");
    this.tickets = requireNonNull(tickets, "tickets is null");
    this.orders = requireNonNull(orders, "orders is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.labels = requireNonNull(labels, "labels is null");
    this.carriers = requireNonNull(carriers, "carriers is null");
    this.defaultCarrier = requireNonNull(defaultCarrier, "defaultCarrier is null");
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private Seller seller(Actor actor) {
    Access.require(actor, "use text modules", Role.SELLER);
    return sellers
        .find(actor.sellerId().orElseThrow())
        .orElseThrow(() -> Access.notFound("seller " + actor.sellerId().orElseThrow().value()));
  }

  private static void requireSellsOn(Seller seller, Storefront storefront) {
    if (!seller.sellsOn(storefront)) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "seller " + seller.id().value() + " does not sell on storefront " + storefront.code(),
          Map.of("field", "storefront"));
    }
  }

  /** A module the seller may use: its own, or a default of one of its storefronts. */
  private TextModule usable(Seller seller, TextModuleId id) {
    return modules
        .find(seller.id(), id)
        .or(() -> modules.findDefault(id).filter(m -> m.usableBy(seller)))
        .orElseThrow(() -> Access.notFound("text module " + id.value()));
  }

  private TextModule own(Seller seller, TextModuleId id) {
    return modules
        .find(seller.id(), id)
        .orElseThrow(
            () ->
                modules.findDefault(id).filter(m -> m.usableBy(seller)).isPresent()
                    ? new DomainException(
                        ErrorCode.FORBIDDEN,
                        "text module "
                            + id.value()
                            + " is a read-only default; copy it to change it")
                    : Access.notFound("text module " + id.value()));
  }

  @Override
  public TextModule create(Actor actor, Draft draft) {
    return tx.inTransaction(
        () -> {
          Seller seller = seller(actor);
          requireSellsOn(seller, draft.storefront());
          requireLoadedCarrier(draft.returnOption());
          try {
            return modules.add(
                seller.id(),
                draft.storefront(),
                draft.locale(),
                draft.name(),
                draft.body(),
                draft.returnOption(),
                now());
          } catch (DuplicateKeyException e) {
            throw nameTaken(draft);
          }
        });
  }

  @Override
  public TextModule copy(Actor actor, TextModuleId source, String newName) {
    return tx.inTransaction(
        () -> {
          Seller seller = seller(actor);
          TextModule from = usable(seller, source);
          TextModuleReturnOption option = withCarrier(from.returnOption());
          requireLoadedCarrier(option);
          Draft draft =
              new Draft(
                  from.storefront(),
                  from.locale(),
                  newName == null ? from.name() : newName,
                  from.body(),
                  option);
          try {
            return modules.add(
                seller.id(),
                draft.storefront(),
                draft.locale(),
                draft.name(),
                draft.body(),
                draft.returnOption(),
                now());
          } catch (DuplicateKeyException e) {
            throw nameTaken(draft);
          }
        });
  }

  @Override
  public TextModule get(Actor actor, TextModuleId id) {
    return tx.inTransaction(() -> usable(seller(actor), id));
  }

  @Override
  public Page list(Actor actor, Storefront storefront, Integer limit, String cursor) {
    int size = limit == null ? MAX_PER_PAGE : limit;
    if (size < 1 || size > MAX_PER_PAGE) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "limit must be between 1 and " + MAX_PER_PAGE,
          Map.of("field", "limit"));
    }
    long after = cursor == null ? 0 : PageCursor.parseTextModules(cursor);
    return tx.inTransaction(
        () -> {
          Seller seller = seller(actor);
          List<TextModule> rows =
              modules.list(seller.id(), seller.storefronts(), storefront, after, size + 1);
          if (rows.size() <= size) {
            return new Page(rows, null);
          }
          List<TextModule> page = List.copyOf(rows.subList(0, size));
          return new Page(page, PageCursor.textModules(page.get(size - 1).id().value()));
        });
  }

  @Override
  public TextModule update(Actor actor, TextModuleId id, Draft draft, Long expectedVersion) {
    try {
      return tx.inTransaction(
          () -> {
            Seller seller = seller(actor);
            TextModule current = own(seller, id);
            requireVersion(current, expectedVersion);
            requireSellsOn(seller, draft.storefront());
            requireLoadedCarrier(draft.returnOption());
            TextModule next =
                new TextModule(
                    current.id(),
                    current.owner(),
                    null,
                    draft.storefront(),
                    draft.locale(),
                    draft.name(),
                    draft.body(),
                    draft.returnOption(),
                    current.createdAt(),
                    now(),
                    current.version() + 1);
            try {
              modules.update(next);
            } catch (DuplicateKeyException e) {
              throw nameTaken(draft);
            }
            return next;
          });
    } catch (ConcurrentUpdateException e) {
      throw new DomainException(
          ErrorCode.PRECONDITION_FAILED,
          "text module " + id.value() + " changed meanwhile; reload it and try again");
    }
  }

  @Override
  public void delete(Actor actor, TextModuleId id, Long expectedVersion) {
    tx.inTransaction(
        () -> {
          Seller seller = seller(actor);
          requireVersion(own(seller, id), expectedVersion);
          modules.delete(seller.id(), id);
          return null;
        });
  }

  /**
   * The option with the carrier that makes its label: the module's own, or for a plugin default
   * that names none the default carrier (a validation refusal when none is configured).
   */
  private TextModuleReturnOption withCarrier(TextModuleReturnOption option) {
    if (option == null || !option.makesLabel() || option.carrier() != null) {
      return option;
    }
    if (defaultCarrier.isEmpty()) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "this module offers a prepaid label but names no carrier, and no default carrier is"
              + " configured (TICKETDESK_DEFAULT_CARRIER)",
          Map.of("field", "returnOption.carrier"));
    }
    return new TextModuleReturnOption(option.type(), defaultCarrier.get());
  }

  /** A prepaid_label option names a carrier that is loaded now. */
  private void requireLoadedCarrier(TextModuleReturnOption option) {
    if (option == null || !option.makesLabel()) {
      return;
    }
    List<String> loaded = carriers.list().stream().map(Carriers.Carrier::carrier).toList();
    if (!loaded.contains(option.carrier())) {
      throw new DomainException(
          ErrorCode.VALIDATION,
          "carrier '"
              + option.carrier()
              + "' is not loaded; loaded carriers: "
              + (loaded.isEmpty() ? "none" : String.join(", ", loaded)),
          Map.of("field", "returnOption.carrier", "validValues", loaded));
    }
  }

  private static void requireVersion(TextModule current, Long expectedVersion) {
    if (expectedVersion != null && current.version() != expectedVersion) {
      throw new DomainException(
          ErrorCode.PRECONDITION_FAILED,
          "text module "
              + current.id().value()
              + " is at version "
              + current.version()
              + "; reload it and try again",
          Map.of("currentVersion", current.version()));
    }
  }

  private static DomainException nameTaken(Draft draft) {
    return new DomainException(
        ErrorCode.CONFLICT,
        "a text module named '"
            + draft.name()
            + "' already exists on storefront "
            + draft.storefront().code(),
        Map.of("field", "name"));
  }

  @Override
  public Rendered render(Actor actor, TextModuleId id, TicketNumber number) {
    return render(actor, id, number, null, true);
  }

  /**
   * The module as sent, with {@code made} (the label just made for this message; null: the ticket's
   * latest) filling the {@code returnLabel.*} placeholders; joins the caller's transaction.
   */
  Rendered renderWith(Actor actor, TextModuleId id, TicketNumber number, ReturnLabel made) {
    return render(actor, id, number, made, false);
  }

  /**
   * Renders for the ticket: with {@code made} (the label made for this message) as the label; in a
   * {@code preview} of a module that makes a label when sent, with stand-ins for the label's
   * placeholders; else with the ticket's latest label.
   */
  private Rendered render(
      Actor actor, TextModuleId id, TicketNumber number, ReturnLabel made, boolean preview) {
    return tx.inTransaction(
        () -> {
          Seller seller = seller(actor);
          Ticket ticket =
              tickets
                  .find(seller.id(), number)
                  .orElseThrow(() -> Access.notFound("ticket " + number.value()));
          TextModule module = usable(seller, id);
          if (module.storefront() != ticket.storefront()) {
            throw new DomainException(
                ErrorCode.VALIDATION,
                "text module "
                    + id.value()
                    + " is for storefront "
                    + module.storefront().code()
                    + " but ticket "
                    + number.value()
                    + " is on "
                    + ticket.storefront().code(),
                Map.of("field", "textModuleId"));
          }
          Order order = orders.find(seller.id(), ticket.orderNumber()).orElseThrow();
          TextModuleReturnOption option =
              preview ? withCarrier(module.returnOption()) : module.returnOption();
          Map<Placeholder, String> values;
          if (made != null) {
            values = values(seller, ticket, order, Optional.of(made));
          } else if (preview && option != null && option.makesLabel()) {
            values = values(seller, ticket, order, Optional.empty());
            for (Placeholder p :
                List.of(Placeholder.RETURN_LABEL_URL, Placeholder.RETURN_LABEL_TRACKING_NUMBER)) {
              values.put(p, standIn(p, option.carrier()));
            }
          } else {
            Optional<ReturnLabel> label = labels.latest(seller.id(), ticket.number());
            values = values(seller, ticket, order, label);
          }
          return new Rendered(id, module.body().render(values), option);
        });
  }

  /** What a preview shows for a placeholder of the label that sending the module makes. */
  static String standIn(Placeholder p, String carrier) {
    return "[" + p.key() + " of the label " + carrier + " makes when this is sent]";
  }

  /** The placeholder values of one ticket; absent ones stay unset (rendering refuses them). */
  static Map<Placeholder, String> values(Seller seller, Ticket ticket, Order order) {
    return values(seller, ticket, order, Optional.empty());
  }

  /** The placeholder values, with the ticket's latest return label if it has one. */
  static Map<Placeholder, String> values(
      Seller seller, Ticket ticket, Order order, Optional<ReturnLabel> label) {
    Map<Placeholder, String> v = new EnumMap<>(Placeholder.class);
    v.put(Placeholder.BUYER_NAME, order.buyer().name());
    v.put(Placeholder.ORDER_NUMBER, order.number().value());
    v.put(Placeholder.TICKET_NUMBER, ticket.number().value());
    v.put(Placeholder.SELLER_NAME, seller.name());
    ReturnAddress a = seller.returnAddress();
    v.put(
        Placeholder.SELLER_RETURN_ADDRESS,
        a.name() + ", " + a.street() + ", " + a.postalCode() + " " + a.city() + ", " + a.country());
    OrderUnit unit = order.unit(ticket.orderUnitIds().get(0)).orElseThrow();
    v.put(Placeholder.ORDER_UNIT_TITLE, unit.title());
    v.put(Placeholder.ORDER_UNIT_EAN, unit.ean());
    v.put(Placeholder.STOREFRONT, ticket.storefront().code());
    label.ifPresent(
        l -> {
          v.put(Placeholder.RETURN_LABEL_URL, ReturnLabelService.link(l));
          v.put(Placeholder.RETURN_LABEL_TRACKING_NUMBER, l.trackingNumber());
        });
    return v;
  }
}
