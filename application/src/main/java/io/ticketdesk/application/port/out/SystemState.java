package io.ticketdesk.application.port.out;

import java.util.Optional;

/** Small named values the system remembers between runs (e.g. the holiday calendar in use). */
public interface SystemState {
  Optional<String> get(String key);

  void put(String key, String value);
}
