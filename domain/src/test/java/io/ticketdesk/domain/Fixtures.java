package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/** Hand-built domain objects shared by the domain tests. */
final class Fixtures {
  private Fixtures() {}

  static final SellerId SELLER = SellerId.of(7);
  static final BuyerId BUYER = BuyerId.of(42);
  static final OrderNumber ORDER_NUMBER = OrderNumber.of("MQ8BRT7");
  static final OrderUnitId UNIT_1 = OrderUnitId.of(1001);
  static final OrderUnitId UNIT_2 = OrderUnitId.of(1002);
  static final TicketNumber NUMBER = TicketNumber.of("00100000042");

  /** No holidays: weekends only. */
  static final ResponseDeadline WEEKDAYS = new ResponseDeadline(PublicHolidays.none());

  static OrderUnit unit(OrderUnitId id, Money price) {
    return new OrderUnit(id, "Bike rack", "4006381333931", price, UnitState.SENT, null);
  }

  static Order order(Storefront storefront, OrderUnit... units) {
    return new Order(
        ORDER_NUMBER,
        storefront,
        SELLER,
        new Buyer(BUYER, "Erika Mustermann", "erika@example.com"),
        Instant.parse("2026-03-01T09:00:00Z"),
        List.of(units));
  }

  static Order deOrder() {
    return order(
        Storefront.DE, unit(UNIT_1, Money.of(2_999, "EUR")), unit(UNIT_2, Money.of(500, "EUR")));
  }

  static Ticket.Opening opening() {
    return new Ticket.Opening(
        deOrder(),
        List.of(UNIT_1),
        TicketReason.PRODUCT_DEFECT,
        TicketTopic.ORDER_PRODUCT_DEFECT,
        null);
  }

  /** A wall-clock time in Berlin as an instant. */
  static Instant berlin(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(Storefront.DE.zone()).toInstant();
  }

  /** A calendar with exactly the given holidays on the given storefront. */
  static PublicHolidays holidays(Storefront storefront, String... dates) {
    Set<LocalDate> set =
        java.util.Arrays.stream(dates)
            .map(LocalDate::parse)
            .collect(java.util.stream.Collectors.toSet());
    return (sf, date) -> sf == storefront && set.contains(date);
  }

  static DomainException refused(ErrorCode code, Executable action) {
    DomainException e = assertThrows(DomainException.class, action);
    assertEquals(code, e.code(), () -> "unexpected code, message: " + e.getMessage());
    return e;
  }

  static Set<Storefront> storefronts(Storefront... s) {
    return Set.of(s);
  }
}
