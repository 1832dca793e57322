package io.ticketdesk.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.ticketdesk.adapters.calendar.JollydayPublicHolidays;
import io.ticketdesk.adapters.http.HttpDependencies;
import io.ticketdesk.adapters.http.HttpServer;
import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.adapters.plugins.LoadedPlugins;
import io.ticketdesk.adapters.web.WebPages;
import io.ticketdesk.adapters.webhooks.HttpWebhookSender;
import io.ticketdesk.application.service.CoreSettings;
import io.ticketdesk.application.service.TicketdeskCore;
import io.ticketdesk.application.service.WebhookSettings;
import java.time.Clock;
import java.util.List;

/**
 * The composition root: the adapters of the outgoing ports, the core built from them in one place
 * ({@link TicketdeskCore}), and the HTTP server driving it.
 */
final class TicketdeskModule extends AbstractModule {
  private final Settings settings;

  private final String node;

  TicketdeskModule(Settings settings) {
    this.settings = settings;
    this.node = settings.node.node();
  }

  @Provides
  @Singleton
  Clock clock() {
    return settings.clock();
  }

  @Provides
  @Singleton
  Database database() {
    Database db = Database.open(settings.databaseConfig());
    db.migrate();
    return db;
  }

  @Provides
  @Singleton
  JollydayPublicHolidays jollydayHolidays() {
    return new JollydayPublicHolidays(settings.holidaysAdded(), settings.holidaysRemoved());
  }

  /** The plugins: shipped ones from the class path, more from the plugins directory. */
  @Provides
  @Singleton
  LoadedPlugins plugins() {
    return LoadedPlugins.load(
        settings.pluginsDirectory(),
        Settings.pluginConfig(System.getenv()),
        settings.pluginTimeout());
  }

  @Provides
  @Singleton
  CoreSettings coreSettings() {
    CoreSettings core =
        CoreSettings.defaults()
            .withPolicyRules(settings.policyRules())
            .withDefaultCarrier(settings.defaultCarrier())
            .withIdempotencyRetention(settings.idempotencyRetention())
            .withIdempotencyPurgeInterval(settings.node.purgeInterval())
            .withNode(node)
            .withEventRetention(settings.eventRetention());
    return settings.adminToken().map(core::withAdminToken).orElse(core);
  }

  @Provides
  @Singleton
  TicketdeskCore core(
      Database db,
      LoadedPlugins plugins,
      JollydayPublicHolidays holidays,
      Clock clock,
      CoreSettings coreSettings) {
    return new TicketdeskCore(
        db, plugins.carriers(), plugins.defaultTextModules(), holidays, clock, coreSettings);
  }

  /**
   * Webhooks sent by Apache HttpClient's asynchronous client; insecure targets only when the
   * operator allows.
   */
  @Provides
  @Singleton
  TicketdeskCore.Webhooks webhooks(TicketdeskCore core) {
    boolean insecure = settings.webhooksAllowInsecure;
    return core.webhooks(
        new HttpWebhookSender(insecure),
        WebhookSettings.defaults().withAllowInsecure(insecure).withLease(settings.webhookLease()));
  }

  @Provides
  @Singleton
  WebhookWorker webhookWorker(TicketdeskCore core, TicketdeskCore.Webhooks webhooks) {
    return new WebhookWorker(
        webhooks.dispatch(),
        core.purgeEvents(),
        core.deadlineAlerts(settings.deadlineWarning()),
        settings.webhookWorkers);
  }

  @Provides
  @Singleton
  HttpServer httpServer(TicketdeskCore core, Database db, TicketdeskCore.Webhooks webhooks) {
    return new HttpServer(
        HttpDependencies.of(core, db::isReachable, webhooks.manage()),
        settings.httpLimits(),
        List.of(new WebPages()));
  }
}
