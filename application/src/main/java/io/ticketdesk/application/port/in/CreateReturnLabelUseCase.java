package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;
import java.util.List;

/** Use case: the seller makes a return label for a ticket with a carrier, or uploads a PDF. */
public interface CreateReturnLabelUseCase {
  ReturnLabel create(Actor actor, Command command);

  ReturnLabel upload(Actor actor, Upload upload);

  /** A label from {@code carrier} for some of the ticket's units (empty: all of them). */
  record Command(TicketNumber ticketNumber, String carrier, List<OrderUnitId> orderUnitIds) {
    public Command {
      Validation.required(ticketNumber, "ticketNumber");
      Validation.requiredText(carrier, "carrier", 64);
      orderUnitIds = orderUnitIds == null ? List.of() : List.copyOf(orderUnitIds);
    }
  }

  /** A label PDF the seller made elsewhere, with its tracking number. */
  record Upload(TicketNumber ticketNumber, String trackingNumber, byte[] pdf) {
    public Upload {
      Validation.required(ticketNumber, "ticketNumber");
      Validation.requiredText(trackingNumber, "trackingNumber", 64);
      if (!trackingNumber.matches("[\\x21-\\x7E]{1,64}")) {
        throw Validation.invalid("trackingNumber is 1 to 64 printable ASCII characters, no spaces");
      }
      Validation.required(pdf, "pdf");
      pdf = pdf.clone();
    }
  }
}
