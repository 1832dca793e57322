package io.ticketdesk.application.port.in;

import java.util.List;

/** Use case: store the default text modules the plugins contribute (at start-up). */
public interface StoreDefaultTextModulesUseCase {
  Stored storeDefaults();

  /** How many defaults were stored, and why others were skipped (one sentence each). */
  record Stored(int stored, List<String> skipped) {
    public Stored {
      skipped = List.copyOf(skipped);
    }
  }
}
