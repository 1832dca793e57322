package io.ticketdesk.domain;

import static io.ticketdesk.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The list's topic filter: one topic, or {@code none} for the tickets without a topic. */
class TopicFilterTest {
  @Test
  void noneMatchesExactlyTheTicketsWithoutATopic() {
    TopicFilter none = TopicFilter.of("none");
    assertTrue(none.isNone());
    assertTrue(none.matches(null));
    for (TicketTopic t : TicketTopic.values()) {
      assertFalse(none.matches(t), t.wire());
    }
    assertEquals("none", none.wire());
  }

  @Test
  void aTopicMatchesOnlyItself() {
    TopicFilter f = TopicFilter.of("order_cancel");
    assertTrue(f.matches(TicketTopic.ORDER_CANCEL));
    assertFalse(f.matches(TicketTopic.DELIVERY_DELAYED));
    assertFalse(f.matches(null));
  }

  @Test
  void anUnknownTopicListsNoneAmongTheValidValues() {
    DomainException e = refused(ErrorCode.VALIDATION, () -> TopicFilter.of("nothing"));
    assertEquals("topic", e.details().get("field"));
    List<?> valid = (List<?>) e.details().get("validValues");
    assertEquals("none", valid.get(0));
    assertEquals(TicketTopic.values().length + 1, valid.size());
    assertTrue(e.getMessage().contains("none"), e.getMessage());
  }
}
