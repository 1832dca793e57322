package io.ticketdesk.adapters.persistence;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ticketdesk.application.port.out.AccessTokens;
import io.ticketdesk.application.port.out.ExchangeRates;
import io.ticketdesk.application.port.out.IdempotencyKeys;
import io.ticketdesk.application.port.out.Leases;
import io.ticketdesk.application.port.out.Ledger;
import io.ticketdesk.application.port.out.Messages;
import io.ticketdesk.application.port.out.Orders;
import io.ticketdesk.application.port.out.Outbox;
import io.ticketdesk.application.port.out.ResponseTimes;
import io.ticketdesk.application.port.out.ReturnLabels;
import io.ticketdesk.application.port.out.ReturnPolicyOutcomes;
import io.ticketdesk.application.port.out.Sellers;
import io.ticketdesk.application.port.out.Sessions;
import io.ticketdesk.application.port.out.Store;
import io.ticketdesk.application.port.out.StoreUnavailableException;
import io.ticketdesk.application.port.out.SystemState;
import io.ticketdesk.application.port.out.TextModules;
import io.ticketdesk.application.port.out.Tickets;
import io.ticketdesk.application.port.out.Transactions;
import io.ticketdesk.application.port.out.WebhookDeliveries;
import io.ticketdesk.application.port.out.WebhookEndpoints;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * The relational store (PostgreSQL, or H2 in PostgreSQL mode): connection pool, schema migrations
 * and the implementations of the outgoing ports.
 */
public final class Database implements Store, AutoCloseable {
  private static final int REACHABLE_TIMEOUT_SECONDS = 2;
  private static final long CONNECTION_TIMEOUT_MILLIS = 3_000;

  private final DatabaseConfig config;
  private final HikariDataSource dataSource;
  private final Db db;
  private final Sellers sellers;
  private final AccessTokens accessTokens;
  private final Orders orders;
  private final Tickets tickets;
  private final Messages messages;
  private final SystemState systemState;
  private final ResponseTimes responseTimes;
  private final ExchangeRates exchangeRates;
  private final TextModules textModules;
  private final Ledger ledger;
  private final IdempotencyKeys idempotencyKeys;
  private final ReturnLabels returnLabels;
  private final ReturnPolicyOutcomes returnPolicyOutcomes;
  private final Outbox outbox;
  private final Leases leases;
  private final Sessions sessions;
  private final WebhookEndpoints webhookEndpoints;
  private final WebhookDeliveries webhookDeliveries;

  private Database(
      DatabaseConfig config, HikariDataSource dataSource, Consumer<String> statements) {
    this.config = config;
    this.dataSource = dataSource;
    Jdbi jdbi = Jdbi.create(dataSource);
    jdbi.setTemplateEngine(TemplateEngine.NOP);
    if (statements != null) {
      jdbi.getConfig(SqlStatements.class)
          .setSqlLogger(
              new SqlLogger() {
                @Override
                public void logBeforeExecution(StatementContext ctx) {
                  statements.accept(ctx.getRenderedSql());
                }
              });
    }
    // JDBI's messages would name the bound values; SqlErrors names what failed without them.
    jdbi.getConfig(StatementExceptions.class)
        .setMessageRendering(StatementExceptions.MessageRendering.NONE);
    this.db = new Db(jdbi, config.vendor());
    this.sellers = new JdbiSellers(db);
    this.accessTokens = new JdbiAccessTokens(db);
    this.orders = new JdbiOrders(db);
    this.tickets = new JdbiTickets(db);
    this.messages = new JdbiMessages(db);
    this.systemState = new JdbiSystemState(db);
    this.responseTimes = new JdbiResponseTimes(db);
    this.exchangeRates = new JdbiExchangeRates(db);
    this.textModules = new JdbiTextModules(db);
    this.ledger = new JdbiLedger(db);
    this.idempotencyKeys = new JdbiIdempotencyKeys(db);
    this.returnLabels = new JdbiReturnLabels(db);
    this.returnPolicyOutcomes = new JdbiReturnPolicyOutcomes(db);
    this.outbox = new JdbiOutbox(db);
    this.leases = new JdbiLeases(db);
    this.sessions = new JdbiSessions(db);
    this.webhookEndpoints = new JdbiWebhookEndpoints(db);
    this.webhookDeliveries = new JdbiWebhookDeliveries(db);
  }

  /**
   * Creates the connection pool. Connections are made lazily, so this succeeds while the database
   * is down; {@link #migrate()} and the ports then throw {@link StoreUnavailableException}.
   */
  public static Database open(DatabaseConfig config) {
    return open(config, null);
  }

  /**
   * As {@link #open(DatabaseConfig)}, telling {@code statements} the text of every statement before
   * it runs (with its {@code :named} parameters, never their values): the tests collect them to
   * check that every statement on a seller-owned table is scoped to one seller.
   */
  static Database open(DatabaseConfig config, Consumer<String> statements) {
    requireNonNull(config, "config is null");
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("ticketdesk-" + config.vendor());
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setMinimumIdle(Math.min(2, config.maxPoolSize()));
    hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    hikari.setValidationTimeout(REACHABLE_TIMEOUT_SECONDS * 1_000L);
    hikari.setInitializationFailTimeout(-1);
    if (config.vendor().equals("postgresql")) {
      // PostgreSQL's "Detail:" repeats row and key values (user text, e-mail addresses) in every
      // exception message; without it the message names the error and the constraint only.
      hikari.addDataSourceProperty("logServerErrorDetail", "false");
    }
    return new Database(config, new HikariDataSource(hikari), statements);
  }

  /** Brings the schema to the latest version (common migrations plus the vendor's own). */
  public void migrate() {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor())
          .failOnMissingLocations(true)
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw SqlErrors.translate(e, e);
    }
  }

  /** Whether a trivial query answers within a few seconds; for readiness checks. */
  public boolean isReachable() {
    if (dataSource.isClosed()) {
      return false;
    }
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.setQueryTimeout(REACHABLE_TIMEOUT_SECONDS);
      st.execute("SELECT 1");
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** The SQL dialect in use: {@code postgresql} or {@code h2}. */
  public String vendor() {
    return config.vendor();
  }

  public Sellers sellers() {
    return sellers;
  }

  public AccessTokens accessTokens() {
    return accessTokens;
  }

  public Orders orders() {
    return orders;
  }

  public Tickets tickets() {
    return tickets;
  }

  public Messages messages() {
    return messages;
  }

  public SystemState systemState() {
    return systemState;
  }

  public ResponseTimes responseTimes() {
    return responseTimes;
  }

  public ExchangeRates exchangeRates() {
    return exchangeRates;
  }

  public TextModules textModules() {
    return textModules;
  }

  public Ledger ledger() {
    return ledger;
  }

  public IdempotencyKeys idempotencyKeys() {
    return idempotencyKeys;
  }

  public ReturnLabels returnLabels() {
    return returnLabels;
  }

  public Outbox outbox() {
    return outbox;
  }

  @Override
  public WebhookEndpoints webhookEndpoints() {
    return webhookEndpoints;
  }

  @Override
  public WebhookDeliveries webhookDeliveries() {
    return webhookDeliveries;
  }

  @Override
  public ReturnPolicyOutcomes returnPolicyOutcomes() {
    return returnPolicyOutcomes;
  }

  public Leases leases() {
    return leases;
  }

  public Sessions sessions() {
    return sessions;
  }

  /** Binds a transaction to the calling thread; nested calls join it. */
  /** The statement runner (for the persistence tests). */
  Db db() {
    return db;
  }

  public Transactions transactions() {
    return db;
  }

  @Override
  public void close() {
    dataSource.close();
  }

  @Override
  public String toString() {
    return "Database[" + config + "]";
  }
}
