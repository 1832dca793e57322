package io.ticketdesk.application.port.in;

import io.ticketdesk.application.port.out.Carriers;
import io.ticketdesk.domain.Actor;
import java.util.List;

/** Use case: the loaded return-label carriers. */
public interface ListCarriersUseCase {
  List<Carriers.Carrier> carriers(Actor actor);
}
