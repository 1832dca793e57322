package io.ticketdesk.app;

import com.google.inject.Injector;
import io.ticketdesk.adapters.calendar.JollydayPublicHolidays;
import io.ticketdesk.application.port.in.EnforceReturnOptionDeadlinesUseCase;
import io.ticketdesk.application.port.in.PurgeIdempotencyKeysUseCase;
import io.ticketdesk.application.port.in.RecomputeDeadlinesUseCase;
import io.ticketdesk.application.port.in.RecomputeDeadlinesUseCase.Recomputation;
import io.ticketdesk.application.service.TicketdeskCore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done at start — deadlines follow the holiday calendar in use (once for the cluster), the
 * plugins' default text modules are stored — and the background tasks of a serving node.
 */
final class Deadlines {
  private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);

  private Deadlines() {}

  static void keepInLineWithTheCalendar(Injector injector) {
    Recomputation r =
        injector
            .getInstance(TicketdeskCore.class)
            .recomputeDeadlines()
            .recomputeIfCalendarChanged(calendarFingerprint(injector));
    describe(r).ifPresent(LOG::info);
  }

  /**
   * The background tasks: finishing a recomputation a dead node left, purging expired keys, the
   * consequences of overdue option-carrying answers to return requests.
   */
  static List<BackgroundWork.Task> backgroundTasks(Injector injector) {
    TicketdeskCore core = injector.getInstance(TicketdeskCore.class);
    RecomputeDeadlinesUseCase deadlines = core.recomputeDeadlines();
    PurgeIdempotencyKeysUseCase purge = core.purgeIdempotencyKeys();
    EnforceReturnOptionDeadlinesUseCase returnOptions = core.enforceReturnOptionDeadlines();
    String fingerprint = calendarFingerprint(injector);
    return List.of(
        BackgroundWork.Task.of(
            "deadline recomputation", () -> describe(deadlines.resumeUnfinished(fingerprint))),
        BackgroundWork.Task.of(
            "idempotency-key purge",
            () -> {
              var removed = purge.purgeIfDue();
              if (removed.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  "purged " + removed.getAsInt() + " idempotency key(s) past their retention");
            }),
        BackgroundWork.Task.of(
            "return-option deadlines",
            () -> {
              int recorded = returnOptions.enforceDue();
              return recorded == 0
                  ? Optional.empty()
                  : Optional.of(
                      "recorded the return policy's consequence for "
                          + recorded
                          + " return request(s) whose option-carrying answer is overdue");
            }));
  }

  private static String calendarFingerprint(Injector injector) {
    int year = injector.getInstance(Clock.class).instant().atZone(ZoneOffset.UTC).getYear();
    return injector.getInstance(JollydayPublicHolidays.class).fingerprint(year - 1, year + 2);
  }

  private static Optional<String> describe(Recomputation r) {
    return switch (r.outcome()) {
      case UP_TO_DATE -> Optional.empty();
      case RECOMPUTED ->
          Optional.of(
              "holiday calendar changed: recomputed the deadlines of "
                  + r.changed()
                  + " open tickets");
      case ANOTHER_NODE ->
          Optional.of("holiday calendar changed: another node recomputes the deadlines");
      case LOST ->
          Optional.of(
              "holiday calendar changed: recomputed the deadlines of "
                  + r.changed()
                  + " open tickets, then another node took over the rest");
    };
  }

  /** Stores the plugins' default text modules, so sellers can use and copy them. */
  static void storeDefaultTextModules(Injector injector) {
    var stored =
        injector.getInstance(TicketdeskCore.class).storeDefaultTextModules().storeDefaults();
    stored.skipped().forEach(reason -> LOG.warn("{}", reason));
    LOG.info("stored {} default text module(s) from plugins", stored.stored());
  }
}
