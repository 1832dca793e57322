package io.ticketdesk.benchmarks;

import io.ticketdesk.domain.ReturnIntent;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TicketReason;
import io.ticketdesk.domain.TicketTopic;
import java.util.List;
import java.util.SplittableRandom;

/** Skewed choices of reasons, topics, storefronts. */
final class Weighted {
  private Weighted() {}

  static TicketReason reason(SplittableRandom random) {
    double r = random.nextDouble();
    if (r < 0.25) {
      return TicketReason.PRODUCT_NOT_DELIVERED;
    } else if (r < 0.45) {
      return TicketReason.PRODUCT_DEFECT;
    } else if (r < 0.70) {
      return TicketReason.PRODUCT_RETURN;
    } else if (r < 0.80) {
      return TicketReason.PRODUCT_NOT_AS_DESCRIBED;
    }
    return TicketReason.CONTACT_OTHER;
  }

  /** Mostly a topic that fits the reason; otherwise any of the 42, the first ones more often. */
  static TicketTopic topic(SplittableRandom random, TicketReason reason) {
    if (random.nextDouble() < 0.7) {
      TicketTopic[] fitting =
          switch (reason) {
            case PRODUCT_NOT_DELIVERED ->
                new TicketTopic[] {
                  TicketTopic.DELIVERY_NOT_RECEIVED,
                  TicketTopic.DELIVERY_DELAYED,
                  TicketTopic.DELIVERY_CHANGE_ADDRESS
                };
            case PRODUCT_DEFECT ->
                new TicketTopic[] {
                  TicketTopic.ORDER_PRODUCT_DEFECT, TicketTopic.DELIVERY_PARTS_MISSING
                };
            case PRODUCT_RETURN ->
                new TicketTopic[] {
                  TicketTopic.RETURN_REQUEST_LABEL, TicketTopic.RETURN_CHECK_STATUS
                };
            case PRODUCT_NOT_AS_DESCRIBED ->
                new TicketTopic[] {
                  TicketTopic.DELIVERY_WRONG_PRODUCTS, TicketTopic.PRODUCT_PROPERTIES
                };
            case CONTACT_OTHER ->
                new TicketTopic[] {
                  TicketTopic.ORDER_OTHER_QUESTION,
                  TicketTopic.INVOICE_NEEDED,
                  TicketTopic.ORDER_CANCEL,
                  TicketTopic.PRODUCT_AVAILABILITY
                };
          };
      return fitting[random.nextInt(fitting.length)];
    }
    TicketTopic[] all = TicketTopic.values();
    // Zipf-like over the list: index = floor(n * u^2).
    double u = random.nextDouble();
    return all[(int) (all.length * u * u)];
  }

  static ReturnIntent returnIntent(SplittableRandom random) {
    double r = random.nextDouble();
    if (r < 0.6) {
      return ReturnIntent.REFUND;
    } else if (r < 0.8) {
      return ReturnIntent.REPLACEMENT;
    } else if (r < 0.9) {
      return ReturnIntent.REPAIR;
    }
    return ReturnIntent.MISSING_PARTS;
  }

  /** The German storefront carries most of the volume. */
  static Storefront storefront(SplittableRandom random, List<Storefront> sellerStorefronts) {
    if (sellerStorefronts.contains(Storefront.DE) && random.nextDouble() < 0.6) {
      return Storefront.DE;
    }
    return sellerStorefronts.get(random.nextInt(sellerStorefronts.size()));
  }
}
