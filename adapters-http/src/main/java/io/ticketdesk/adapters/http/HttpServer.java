package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.router.ParsedEndpoint;
import io.ticketdesk.application.port.in.UnavailableException;
import io.ticketdesk.domain.DomainException;
import jakarta.servlet.DispatcherType;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The REST adapter: Javalin routes under {@value #API}, problem+json errors, OpenAPI, metrics. */
public final class HttpServer {
  static final String API = "/api/v1";

  private final Javalin app;
  private final java.time.Duration idleTimeout;
  private final EventStreamRoutes streams;

  /** The API alone, without pages. */
  public HttpServer(HttpDependencies deps, HttpLimits limits) {
    this(deps, limits, List.of());
  }

  /**
   * @param pages further routes on the same server (the web pages), given the Javalin configuration
   */
  public HttpServer(HttpDependencies deps, HttpLimits limits, List<Consumer<JavalinConfig>> pages) {
    this(deps, limits, EventStreamLimits.defaults(), pages);
  }

  /**
   * @param streamLimits the limits of the live event streams
   * @param pages further routes on the same server (the web pages), given the Javalin configuration
   */
  public HttpServer(
      HttpDependencies deps,
      HttpLimits limits,
      EventStreamLimits streamLimits,
      List<Consumer<JavalinConfig>> pages) {
    requireNonNull(deps, "deps is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(pages, "pages is null");
    this.idleTimeout = limits.idleTimeout();
    RateLimiter limiter =
        new RateLimiter(limits.requestsPerSecond(), limits.burst(), System::nanoTime);
    Metrics metrics = new Metrics();
    ApiContract contract = ApiContract.load();
    ContractQueryParams queryParams = new ContractQueryParams(contract);
    Authentication auth = new Authentication(deps.authenticate(), deps.browserSessions());
    SessionRoutes sessionRoutes = new SessionRoutes(deps.browserSessions(), deps.clock());
    OperationRoutes operations = new OperationRoutes(deps.ready(), contract);
    SellerRoutes sellers = new SellerRoutes(deps.registerSeller());
    TokenRoutes tokens = new TokenRoutes(deps.issueToken());
    OrderRoutes orders = new OrderRoutes(deps.feedOrder(), deps.updateOrderUnit());
    TicketRoutes tickets = new TicketRoutes(deps);
    KpiRoutes kpis = new KpiRoutes(deps.measureResponseTime());
    TextModuleRoutes textModules =
        new TextModuleRoutes(deps.manageTextModules(), deps.renderTextModule());
    ActionRoutes actions = new ActionRoutes(deps);
    LabelRoutes labels = new LabelRoutes(deps);
    ExchangeRateRoutes rates = new ExchangeRateRoutes(deps.exchangeRates());
    EventRoutes events = new EventRoutes(deps.readEvents());
    this.streams = new EventStreamRoutes(deps.streamEvents(), streamLimits);
    WebhookRoutes hooks = new WebhookRoutes(deps.manageWebhooks());
    JettyErrorProblems jettyErrors = new JettyErrorProblems();
    AtomicRequests atomic = new AtomicRequests(deps.requests());
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.http.prefer405over404 = true;
              // Javalin copies each result through a buffer of this size, allocated per
              // response (default: Jetty's 32 KB output buffer). Our bodies are a few KB;
              // Jetty still aggregates up to its own buffer before sending.
              config.http.responseBufferSize = 8192;
              if (limits.threads() > 0) {
                QueuedThreadPool pool =
                    new QueuedThreadPool(limits.threads(), HttpLimits.MIN_THREADS);
                pool.setName("JettyServerThreadPool");
                config.jetty.threadPool = pool;
              }
              config.requestLogger.http(metrics::record);
              // Jetty's own refusals (malformed requests, 431, 414, 505, …) as problem+json too:
              // the server's handler answers before routing, the context's inside the servlet.
              config.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
              config.jetty.modifyServletContextHandler(
                  context -> {
                    context.setErrorHandler(jettyErrors);
                    context.addFilter(
                        new FilterHolder(new HeadAsGet()),
                        "/*",
                        java.util.EnumSet.of(DispatcherType.REQUEST));
                  });

              config.routes.get("/health", operations::health);
              config.routes.get("/ready", operations::ready);
              config.routes.get("/metrics", metrics::scrape);
              config.routes.get("/openapi.yaml", operations::openApi);

              // One handler, in this order (the limit is per token; the query check after it):
              // Javalin matches each before-handler's path against the request on its own.
              config.routes.beforeMatched(
                  API + "/*",
                  ctx -> {
                    auth.require(ctx);
                    limiter.check(ctx);
                    queryParams.check(ctx);
                  });
              config.routes.post(API + "/sessions", atomic.of(sessionRoutes::start));
              config.routes.get(API + "/sessions/current", sessionRoutes::current);
              config.routes.delete(API + "/sessions/current", atomic.of(sessionRoutes::end));
              config.routes.post(API + "/sellers", atomic.of(sellers::register));
              config.routes.post(API + "/tokens", atomic.of(tokens::issue));
              config.routes.post(API + "/orders", atomic.of(orders::feed));
              config.routes.patch(
                  API + "/orders/{orderNumber}/units/{orderUnitId}", atomic.of(orders::updateUnit));
              config.routes.post(API + "/tickets", atomic.of(tickets::open));
              config.routes.get(API + "/tickets", atomic.reading(tickets::list));
              config.routes.get(API + "/ticket-counts", atomic.reading(tickets::counts));
              config.routes.get(API + "/tickets/{ticketNumber}", atomic.reading(tickets::get));
              config.routes.patch(API + "/tickets/{ticketNumber}", actions::patch);
              config.routes.get(
                  API + "/tickets/{ticketNumber}/messages", atomic.reading(tickets::messages));
              config.routes.post(
                  API + "/tickets/{ticketNumber}/messages", atomic.of(tickets::post));
              config.routes.post(API + "/tickets/{ticketNumber}/close", atomic.of(tickets::close));
              config.routes.get(API + "/kpis/response-time", kpis::responseTime);
              config.routes.get(API + "/text-modules/placeholders", textModules::placeholders);
              config.routes.get(API + "/text-modules", textModules::list);
              config.routes.post(API + "/text-modules", atomic.of(textModules::create));
              config.routes.get(API + "/text-modules/{textModuleId}", textModules::get);
              config.routes.put(
                  API + "/text-modules/{textModuleId}", atomic.of(textModules::update));
              config.routes.delete(
                  API + "/text-modules/{textModuleId}", atomic.of(textModules::delete));
              config.routes.get(
                  API + "/text-modules/{textModuleId}/rendered", textModules::rendered);
              config.routes.get(
                  API + "/tickets/{ticketNumber}/order", atomic.reading(actions::order));
              config.routes.post(
                  API + "/tickets/{ticketNumber}/refunds", atomic.of(actions::refund));
              config.routes.post(
                  API + "/tickets/{ticketNumber}/cancellations", atomic.of(actions::cancel));
              config.routes.post(
                  API + "/tickets/{ticketNumber}/escalations", atomic.of(actions::escalate));
              config.routes.post(
                  API + "/tickets/{ticketNumber}/handback", atomic.of(actions::handBack));
              config.routes.get(API + "/carriers", labels::carriers);
              config.routes.post(
                  API + "/tickets/{ticketNumber}/return-labels",
                  // Not one unit of work: the carrier's call (up to its timeout) must not hold a
                  // store connection, or a slow carrier would starve every other request; the
                  // label is stored in its own transaction after the carrier answered.
                  labels::create);
              config.routes.get(API + "/return-labels/{labelId}", labels::download);
              config.routes.put(API + "/exchange-rates/{currency}/{date}", rates::put);
              config.routes.get(API + "/exchange-rates/{currency}/{date}", rates::get);
              config.routes.get(API + "/events", events::feed);
              config.routes.get(API + "/events/stream", streams::stream);
              config.routes.post(API + "/webhook-endpoints", hooks::register);
              config.routes.get(API + "/webhook-endpoints", hooks::list);
              config.routes.get(API + "/webhook-endpoints/{endpointId}", hooks::get);
              config.routes.patch(API + "/webhook-endpoints/{endpointId}", hooks::change);
              config.routes.delete(API + "/webhook-endpoints/{endpointId}", hooks::delete);
              config.routes.post(
                  API + "/webhook-endpoints/{endpointId}/secret", hooks::rotateSecret);
              config.routes.get(
                  API + "/webhook-endpoints/{endpointId}/deliveries", hooks::deliveries);
              config.routes.post(
                  API + "/webhook-endpoints/{endpointId}/deliveries", hooks::redeliver);
              config.routes.get(API + "/webhook-endpoints/{endpointId}/attempts", hooks::attempts);

              pages.forEach(page -> page.accept(config));

              config.routes.exception(DomainException.class, Problems::domain);
              config.routes.exception(HttpProblem.class, Problems::http);
              config.routes.exception(HttpResponseException.class, Problems::javalin);
              config.routes.exception(UnavailableException.class, Problems::storeUnavailable);
              config.routes.exception(Exception.class, Problems::unexpected);
            });
  }

  /** Starts listening; port 0 picks a free port. Returns the bound port. */
  public int start(String host, int port) {
    app.start(host, port);
    streams.start();
    for (var connector : app.jettyServer().server().getConnectors()) {
      if (connector instanceof AbstractConnector c) {
        // Applies to every connection accepted from now on: slow or silent clients are cut off.
        c.setIdleTimeout(idleTimeout.toMillis());
      }
    }
    return app.port();
  }

  public void stop() {
    streams.close();
    app.stop();
  }

  /** The registered HTTP routes as "METHOD /path" (for the contract test). */
  List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map((ParsedEndpoint p) -> p.endpoint)
        .filter(e -> e.method.isHttpMethod())
        .map(e -> e.method.name() + " " + e.path)
        .toList();
  }
}
