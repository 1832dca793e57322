package io.ticketdesk.benchmarks;

import io.ticketdesk.domain.AuthorRole;
import io.ticketdesk.domain.TicketReason;
import java.util.SplittableRandom;

/** Chat messages of realistic length. */
final class Texts {
  private Texts() {}

  private static final String[] BUYER = {
    "Hello, I still have not received my parcel. The tracking has not changed for a week.",
    "Thank you for your quick answer. Unfortunately the problem is still there after trying"
        + " what you suggested.",
    "The item arrived damaged: the box was crushed and one of the legs is broken. I attached"
        + " photos.",
    "Could you please send me a return label? I would like to send the product back.",
    "Thanks, that works for me.",
    "I am sorry but this is not what I ordered. The colour and the size are different from the"
        + " listing.",
    "Any news on this? I have been waiting for several days now.",
    "I need an invoice with my company's VAT number for this order, please."
  };
  private static final String[] SELLER = {
    "Thank you for your message. We are sorry for the inconvenience and will check this with"
        + " the carrier right away.",
    "Could you please send us a photo of the damage and of the packaging?",
    "We have sent you a return label by e-mail. Please pack the item in its original box.",
    "The replacement has been dispatched today; you will receive the tracking number" + " shortly.",
    "We have refunded the amount to your original payment method. It may take a few days to"
        + " appear.",
    "Please try resetting the device by holding the power button for ten seconds."
  };
  private static final String[] NOTE = {
    "Carrier claim opened, reference pending.",
    "Buyer has ordered from us before without issues.",
    "Checked the warehouse: last unit was shipped with a damaged box.",
    "Escalate to purchasing if the supplier does not answer by Friday."
  };

  static String opening(
      SplittableRandom random, TicketReason reason, String orderNumber, boolean bySeller) {
    if (bySeller) {
      return "Hello, regarding your order "
          + orderNumber
          + ": one of the items is out of stock. Would you accept a similar model or prefer a"
          + " refund?";
    }
    String base =
        switch (reason) {
          case PRODUCT_NOT_DELIVERED -> BUYER[0];
          case PRODUCT_DEFECT -> BUYER[2];
          case PRODUCT_RETURN -> BUYER[3];
          case PRODUCT_NOT_AS_DESCRIBED -> BUYER[5];
          case CONTACT_OTHER -> BUYER[7];
        };
    return "Order " + orderNumber + ": " + base;
  }

  static String reply(SplittableRandom random, AuthorRole author, boolean internal) {
    if (internal) {
      return NOTE[random.nextInt(NOTE.length)];
    }
    return switch (author) {
      case SELLER -> SELLER[random.nextInt(SELLER.length)];
      case CUSTOMER_SERVICE -> "Customer service here: we have looked into this case.";
      default -> BUYER[random.nextInt(BUYER.length)];
    };
  }
}
