package io.ticketdesk.application.service;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.in.StoreDefaultTextModulesUseCase;
import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.application.port.out.DuplicateKeyException;
import io.ticketdesk.application.port.out.TextModules;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ReturnOptionType;
import io.ticketdesk.domain.Storefront;
import io.ticketdesk.domain.TextModuleBody;
import io.ticketdesk.domain.TextModuleReturnOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores the default text modules of a source (the plugins) as read-only defaults, with the return
 * option each offers ({@code returnOptionType}; a {@code prepaid_label} default names no carrier:
 * the configured default carrier makes its label). A default offering {@code label_url} is stored
 * without that option (a label URL belongs to one ticket), and {@code skipped} says so.
 */
public final class DefaultTextModuleService implements StoreDefaultTextModulesUseCase {
  private final DefaultTextModuleSource source;
  private final TextModules modules;
  private final Transactions tx;
  private final Clock clock;

  public DefaultTextModuleService(
      DefaultTextModuleSource source, TextModules modules, Transactions tx, Clock clock) {
    this.source = requireNonNull(source, "source is null");
    this.modules = requireNonNull(modules, "modules is null");
    this.tx = requireNonNull(tx, "tx is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public Stored storeDefaults() {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    int stored = 0;
    List<String> skipped = new ArrayList<>();
    for (DefaultTextModuleSource.DefaultTextModule m : source.defaults()) {
      try {
        Storefront storefront = Storefront.of(m.storefront());
        TextModuleBody body = new TextModuleBody(m.body());
        TextModuleReturnOption option = null;
        if (m.returnOptionType() != null) {
          ReturnOptionType type = ReturnOptionType.of(m.returnOptionType());
          if (type == ReturnOptionType.LABEL_URL) {
            skipped.add(
                "default text module "
                    + m.sourceKey()
                    + " stored without its return option label_url: a text module cannot keep a"
                    + " label URL (it belongs to one ticket)");
          } else {
            option = new TextModuleReturnOption(type, null);
          }
        }
        TextModuleReturnOption returnOption = option;
        Runnable put =
            () ->
                tx.inTransaction(
                    () ->
                        modules.putDefault(
                            m.sourceKey(),
                            storefront,
                            m.locale(),
                            m.name(),
                            body,
                            returnOption,
                            at));
        try {
          put.run();
        } catch (DuplicateKeyException raced) {
          // Another node starting at the same time stored it first: now it is found and kept.
          put.run();
        }
        stored++;
      } catch (DomainException | DuplicateKeyException e) {
        skipped.add("default text module " + m.sourceKey() + " skipped: " + e.getMessage());
      }
    }
    return new Stored(stored, skipped);
  }
}
