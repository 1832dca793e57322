package io.ticketdesk.app;

import com.google.inject.Injector;
import io.ticketdesk.adapters.calendar.JollydayPublicHolidays;
import io.ticketdesk.application.service.TicketdeskCore;
import java.time.Clock;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work done once at start: deadlines follow the holiday calendar in use, and the plugins' default
 * text modules are stored.
 */
final class Deadlines {
  private static final Logger LOG = LoggerFactory.getLogger(Deadlines.class);

  private Deadlines() {}

  static void keepInLineWithTheCalendar(Injector injector) {
    int year = injector.getInstance(Clock.class).instant().atZone(ZoneOffset.UTC).getYear();
    String fingerprint =
        injector.getInstance(JollydayPublicHolidays.class).fingerprint(year - 1, year + 2);
    int changed =
        injector
            .getInstance(TicketdeskCore.class)
            .recomputeDeadlines()
            .recomputeIfCalendarChanged(fingerprint, false);
    if (changed > 0) {
      LOG.info("holiday calendar changed: recomputed the deadlines of {} open tickets", changed);
    }
  }

  /** Stores the plugins' default text modules, so sellers can use and copy them. */
  static void storeDefaultTextModules(Injector injector) {
    var stored =
        injector.getInstance(TicketdeskCore.class).storeDefaultTextModules().storeDefaults();
    stored.skipped().forEach(reason -> LOG.warn("{}", reason));
    LOG.info("stored {} default text module(s) from plugins", stored.stored());
  }
}
