package io.ticketdesk.application.port.in;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.domain.Actor;
import java.util.List;

/** Use case: the loaded return-label carriers. */
public interface ListCarriersUseCase {
  List<LoadedCarrier> carriers(Actor actor);

  /** A loaded carrier and the plugin (name and version) that provides it. */
  record LoadedCarrier(String carrier, String plugin, String version) {
    public LoadedCarrier {
      requireNonNull(carrier, "carrier is null");
      requireNonNull(plugin, "plugin is null");
      requireNonNull(version, "version is null");
    }
  }
}
