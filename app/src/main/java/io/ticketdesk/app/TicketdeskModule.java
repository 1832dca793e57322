package io.ticketdesk.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.ticketdesk.adapters.calendar.JollydayPublicHolidays;
import io.ticketdesk.adapters.http.HttpDependencies;
import io.ticketdesk.adapters.http.HttpServer;
import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.adapters.plugins.PluginAdapters;
import io.ticketdesk.application.service.AccessService;
import io.ticketdesk.application.service.DeadlineService;
import io.ticketdesk.application.service.DefaultTextModuleService;
import io.ticketdesk.application.service.ExchangeRateService;
import io.ticketdesk.application.service.IdempotencyKeyPurgeService;
import io.ticketdesk.application.service.OrderFeedService;
import io.ticketdesk.application.service.ReturnLabelService;
import io.ticketdesk.application.service.ReturnPolicyService;
import io.ticketdesk.application.service.SellerService;
import io.ticketdesk.application.service.ServiceLevelService;
import io.ticketdesk.application.service.TextModuleService;
import io.ticketdesk.application.service.TicketActionService;
import io.ticketdesk.application.service.TicketService;
import io.ticketdesk.domain.PublicHolidays;
import io.ticketdesk.domain.ResponseDeadline;
import io.ticketdesk.domain.ReturnOptionPolicy;
import io.ticketdesk.plugin.host.PluginHost;
import java.time.Clock;

/** The composition root: wires ports to adapters and use cases to services. */
final class TicketdeskModule extends AbstractModule {
  private final Settings settings;

  TicketdeskModule(Settings settings) {
    this.settings = settings;
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

  @Provides
  @Singleton
  PublicHolidays publicHolidays(JollydayPublicHolidays holidays) {
    return holidays;
  }

  @Provides
  @Singleton
  ResponseDeadline responseDeadline(PublicHolidays holidays) {
    return new ResponseDeadline(holidays);
  }

  @Provides
  @Singleton
  AccessService accessService(Database db, Clock clock) {
    return new AccessService(
        db.accessTokens(), db.sellers(), db.transactions(), clock, settings.adminToken());
  }

  @Provides
  @Singleton
  SellerService sellerService(Database db, Clock clock) {
    return new SellerService(db.sellers(), db.transactions(), clock);
  }

  @Provides
  @Singleton
  OrderFeedService orderFeedService(Database db) {
    return new OrderFeedService(db.orders(), db.sellers(), db.transactions());
  }

  @Provides
  @Singleton
  TextModuleService textModuleService(Database db, Clock clock, PluginHost plugins) {
    return new TextModuleService(
        db.textModules(),
        db.sellers(),
        db.tickets(),
        db.orders(),
        db.transactions(),
        clock,
        db.returnLabels(),
        PluginAdapters.carriers(plugins),
        settings.defaultCarrier());
  }

  /** The plugins: shipped ones from the class path, more from the plugins directory. */
  @Provides
  @Singleton
  PluginHost pluginHost() {
    return PluginHost.load(
        settings.pluginsDirectory(),
        Settings.pluginConfig(System.getenv()),
        settings.pluginTimeout());
  }

  @Provides
  @Singleton
  ReturnOptionPolicy returnOptionPolicy() {
    return new ReturnOptionPolicy(settings.policyRules());
  }

  @Provides
  @Singleton
  ReturnPolicyService returnPolicyService(Database db, Clock clock, ReturnOptionPolicy policy) {
    return new ReturnPolicyService(
        db.orders(),
        db.ledger(),
        db.returnLabels(),
        db.returnPolicyOutcomes(),
        db.messages(),
        clock,
        policy,
        db.sellers(),
        db.exchangeRates());
  }

  @Provides
  @Singleton
  ExchangeRateService exchangeRateService(Database db, ReturnOptionPolicy policy) {
    return new ExchangeRateService(db.exchangeRates(), db.transactions(), policy);
  }

  @Provides
  @Singleton
  ReturnLabelService returnLabelService(Database db, Clock clock, PluginHost plugins) {
    return new ReturnLabelService(
        PluginAdapters.carriers(plugins),
        db.returnLabels(),
        db.tickets(),
        db.orders(),
        db.sellers(),
        db.messages(),
        db.transactions(),
        clock);
  }

  @Provides
  @Singleton
  DefaultTextModuleService defaultTextModuleService(Database db, Clock clock, PluginHost plugins) {
    return new DefaultTextModuleService(
        PluginAdapters.defaultTextModules(plugins), db.textModules(), db.transactions(), clock);
  }

  @Provides
  @Singleton
  TicketService ticketService(
      Database db,
      Clock clock,
      ResponseDeadline deadline,
      TextModuleService textModules,
      ReturnPolicyService returnPolicy,
      ReturnLabelService labels) {
    return new TicketService(
        db.tickets(),
        db.messages(),
        db.orders(),
        db.transactions(),
        clock,
        deadline,
        textModules,
        returnPolicy,
        labels,
        db.idempotencyKeys());
  }

  @Provides
  @Singleton
  ServiceLevelService serviceLevelService(Database db, Clock clock) {
    return new ServiceLevelService(db.responseTimes(), db.sellers(), db.transactions(), clock);
  }

  @Provides
  @Singleton
  DeadlineService deadlineService(Database db, ResponseDeadline deadline) {
    return new DeadlineService(db.tickets(), db.systemState(), db.transactions(), deadline);
  }

  @Provides
  @Singleton
  TicketActionService ticketActionService(Database db, Clock clock, ResponseDeadline deadline) {
    return new TicketActionService(
        db.tickets(),
        db.messages(),
        db.orders(),
        db.ledger(),
        db.idempotencyKeys(),
        db.transactions(),
        clock,
        deadline);
  }

  @Provides
  @Singleton
  IdempotencyKeyPurgeService idempotencyKeyPurgeService(Database db, Clock clock) {
    return new IdempotencyKeyPurgeService(
        db.idempotencyKeys(),
        clock,
        settings.idempotencyRetention(),
        IdempotencyKeyPurgeService.DEFAULT_BATCH_SIZE);
  }

  @Provides
  @Singleton
  IdempotencyKeyPurger idempotencyKeyPurger(IdempotencyKeyPurgeService purge) {
    return new IdempotencyKeyPurger(purge, IdempotencyKeyPurger.INTERVAL);
  }

  @Provides
  @Singleton
  HttpServer httpServer(
      ServiceLevelService serviceLevel,
      TextModuleService textModules,
      AccessService access,
      SellerService sellers,
      OrderFeedService orders,
      TicketService tickets,
      Database db,
      Clock clock,
      TicketActionService actions,
      ReturnPolicyService returnPolicy,
      ReturnLabelService labels,
      ExchangeRateService rates) {
    return new HttpServer(
        new HttpDependencies(
            sellers,
            access,
            access,
            orders,
            orders,
            tickets,
            tickets,
            tickets,
            tickets,
            tickets,
            tickets,
            serviceLevel,
            textModules,
            textModules,
            db::isReachable,
            clock,
            actions,
            actions,
            actions,
            actions,
            actions,
            returnPolicy,
            labels,
            labels,
            labels,
            rates,
            actions,
            db.transactions()),
        settings.httpLimits());
  }
}
