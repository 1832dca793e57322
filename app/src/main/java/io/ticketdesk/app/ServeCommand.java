package io.ticketdesk.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.ticketdesk.adapters.http.HttpServer;
import io.ticketdesk.adapters.persistence.Database;
import io.ticketdesk.adapters.plugins.LoadedPlugins;
import io.ticketdesk.application.service.CoreSettings;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the HTTP server; with {@code --demo}, first loads demo data and prints demo tokens. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the Ticketdesk HTTP server (migrates the database first).")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin Settings settings;

  @Option(
      names = "--port",
      defaultValue = "${env:TICKETDESK_PORT:-7070}",
      description = "HTTP port (default ${DEFAULT-VALUE}; 0 = any free port). Env: TICKETDESK_PORT")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:TICKETDESK_HOST:-0.0.0.0}",
      description = "Address to listen on (default ${DEFAULT-VALUE}). Env: TICKETDESK_HOST")
  String host;

  @Option(
      names = "--demo",
      description =
          "Load demo data (sellers on all storefronts, buyers, orders, ~200 tickets) into an empty"
              + " database and print one ready token per role.")
  boolean demo;

  @Override
  public Integer call() throws Exception {
    Injector injector = Guice.createInjector(new TicketdeskModule(settings));
    Database db = injector.getInstance(Database.class);
    Deadlines.keepInLineWithTheCalendar(injector);
    Deadlines.storeDefaultTextModules(injector);
    LoadedPlugins plugins = injector.getInstance(LoadedPlugins.class);
    DemoData.Tokens tokens =
        demo ? injector.getInstance(DemoData.class).loadAndIssueTokens() : null;
    BackgroundWork background =
        new BackgroundWork(Deadlines.backgroundTasks(injector), settings.node.backgroundPoll());
    WebhookWorker webhookWorker = injector.getInstance(WebhookWorker.class);
    HttpServer server = injector.getInstance(HttpServer.class);
    int bound = server.start(host, port);
    LOG.info("node {} serving on port {}", injector.getInstance(CoreSettings.class).node(), bound);
    background.start(settings.node.backgroundPoll());
    webhookWorker.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("shutting down");
                  server.stop();
                  webhookWorker.close();
                  background.close();
                  plugins.close();
                  db.close();
                  stopped.countDown();
                },
                "ticketdesk-shutdown"));
    String url = "http://localhost:" + bound;
    System.out.println();
    System.out.println("Ticketdesk is running at " + url);
    System.out.println(
        "  Workspace:     " + url + "/   (sign in with the seller or customer service token)");
    System.out.println("  API base:      " + url + "/api/v1");
    System.out.println("  API explorer:  " + url + "/docs   (contract: " + url + "/openapi.yaml)");
    System.out.println("  Database:      " + settings.describeDatabase());
    if (tokens != null) {
      tokens.print(System.out, url);
    }
    System.out.println("Press Ctrl+C to stop.");
    System.out.flush();
    stopped.await();
    return 0;
  }
}
