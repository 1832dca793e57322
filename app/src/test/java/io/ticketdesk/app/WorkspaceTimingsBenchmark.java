package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seller workspace's page timings on a big data set, measured in real headless Chromium with
 * the browser's own clocks (Navigation, Resource and User Timing): how long after navigation the
 * biggest seller's inbox is on the page and usable, and how long opening a ticket from it takes.
 * The page marks {@code td:ready} when a view has rendered (app.js).
 *
 * <p>A benchmark, not a test: it is not part of {@code ./mvnw verify} (failsafe runs {@code *IT}
 * only), it asserts nothing about time and prints its figures. Run it with {@code bench/web.sh}
 * (see docs/benchmarks.md), which passes the database and the benchmark manifest.
 */
class WorkspaceTimingsBenchmark {
  private static final String READY =
      "return performance.getEntriesByName('td:ready').map(m => m.startTime);";

  @Test
  void pageTimingsOfTheBiggestSellersWorkspace() throws Exception {
    String db = System.getProperty("ticketdesk.bench.db", "");
    Assumptions.assumeFalse(db.isBlank(), "-Dticketdesk.bench.db=<JDBC URL> not given");
    Path manifest = Path.of(System.getProperty("ticketdesk.bench.manifest"));
    int runs = Integer.getInteger("ticketdesk.bench.runs", 20);
    Chromium.requireInstalled();
    String[] seller = biggestSeller(manifest);
    System.out.printf(
        "biggest seller %s with %,d tickets; %d runs each%n",
        seller[0], Long.parseLong(seller[2]), runs);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TICKETDESK_DB_URL", db);
    env.put("TICKETDESK_DB_USER", System.getProperty("ticketdesk.bench.user", "ticketdesk"));
    env.put("TICKETDESK_DB_PASSWORD", System.getProperty("ticketdesk.bench.password", ""));
    env.put("TICKETDESK_RATE_LIMIT", "0");
    try (RunningJar server = new RunningJar(env)) {
      ChromeDriver browser = Chromium.start(1366, 768, "de-DE,de,en");
      try {
        measure(server, browser, seller[1], runs);
      } finally {
        browser.quit();
      }
    }
  }

  private static void measure(RunningJar server, ChromeDriver browser, String token, int runs)
      throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    JavascriptExecutor js = browser;
    browser.get(server.base + "/");
    // The inbox refreshes itself every 15 s; an hour keeps those polls out of the figures.
    js.executeScript("localStorage.setItem('ticketdesk.poll-ms', '3600000')");
    wait.until(d -> !d.findElements(By.id("token")).isEmpty());
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();
    wait.until(d -> !((List<?>) js.executeScript(READY)).isEmpty());

    Samples navigation = new Samples();
    for (int i = 0; i < runs + 1; i++) {
      browser.navigate().refresh();
      wait.until(d -> !((List<?>) js.executeScript(READY)).isEmpty());
      Map<?, ?> t =
          (Map<?, ?>)
              js.executeScript(
                  "const n = performance.getEntriesByType('navigation')[0];"
                      + "const api = performance.getEntriesByType('resource')"
                      + "  .filter(r => r.name.includes('/api/v1/'));"
                      + "const by = (p) => Math.max(0, ...api.filter(r => r.name.includes(p))"
                      + "  .map(r => r.duration));"
                      + "return {ready: performance.getEntriesByName('td:ready')[0].startTime,"
                      + " document: n.responseEnd, domInteractive: n.domInteractive,"
                      + " load: n.loadEventEnd, list: by('/api/v1/tickets?'),"
                      + " counts: by('/api/v1/ticket-counts'), session: by('/sessions/current'),"
                      + " rows: document.querySelectorAll('#rows tr').length};");
      assertTrue(((Number) t.get("rows")).intValue() > 0, "the inbox shows rows: " + t);
      if (i > 0) { // the first load fills the browser's cache and the server's JIT
        navigation.add(t);
      }
    }
    Samples open = new Samples();
    int rows = browser.findElements(By.cssSelector("#rows .ticket-link")).size();
    for (int i = 0; i < runs + 1; i++) {
      int row = i % rows;
      double t0 =
          ((Number)
                  js.executeScript(
                      "performance.clearMarks('td:ready'); performance.clearResourceTimings();"
                          + "const link = document.querySelectorAll('#rows .ticket-link')["
                          + row
                          + "]; const t0 = performance.now(); link.click(); return t0;"))
              .doubleValue();
      wait.until(d -> !((List<?>) js.executeScript(READY)).isEmpty());
      Map<?, ?> t =
          (Map<?, ?>)
              js.executeScript(
                  "const t0 = arguments[0];"
                      + "const api = performance.getEntriesByType('resource')"
                      + "  .filter(r => r.name.includes('/api/v1/'));"
                      + "const by = (re) => Math.max(0, ...api.filter(r => new RegExp(re).test(r.name))"
                      + "  .map(r => r.duration));"
                      + "return {ready: performance.getEntriesByName('td:ready')[0].startTime - t0,"
                      + " ticket: by('/api/v1/tickets/[0-9]+$'), messages: by('/messages'),"
                      + " textModules: by('/text-modules'), carriers: by('/carriers'),"
                      + " chat: document.querySelectorAll('#chat li').length};",
                  t0);
      assertTrue(((Number) t.get("chat")).intValue() > 0, "the ticket shows its chat: " + t);
      if (i > 0) {
        open.add(t);
      }
      js.executeScript("performance.clearMarks('td:ready'); history.back();");
      wait.until(d -> !((List<?>) js.executeScript(READY)).isEmpty());
    }
    System.out.println();
    System.out.println(
        "Navigation to the inbox (reload of the signed-in page, 50 open tickets by due time):");
    navigation.print("ready", "inbox usable (td:ready) after navigation start", 1000);
    navigation.print("document", "HTML received (responseEnd)", 0);
    navigation.print("domInteractive", "domInteractive", 0);
    navigation.print("session", "GET /sessions/current", 0);
    navigation.print("list", "GET /tickets?status=open&sort=due&limit=50", 0);
    navigation.print("counts", "GET /ticket-counts", 0);
    System.out.println("Opening a ticket from the inbox (click to chat shown):");
    open.print("ready", "ticket view usable (td:ready) after the click", 300);
    open.print("ticket", "GET /tickets/{n}", 0);
    open.print("messages", "GET /tickets/{n}/messages", 0);
    open.print("textModules", "GET /text-modules", 0);
    open.print("carriers", "GET /carriers", 0);
  }

  private static String[] biggestSeller(Path manifest) throws Exception {
    String[] best = null;
    for (String line : Files.readAllLines(manifest)) {
      String[] f = line.split("\t");
      if (f[0].equals("seller")
          && (best == null || Long.parseLong(f[3]) > Long.parseLong(best[2]))) {
        best = new String[] {f[1], f[2], f[3]};
      }
    }
    assertTrue(best != null, "no seller in " + manifest);
    return best;
  }

  /** Figures in ms per name, printed as p50 / p90 / max against an optional target. */
  private static final class Samples {
    private final Map<String, List<Double>> values = new TreeMap<>();

    void add(Map<?, ?> timings) {
      timings.forEach(
          (k, v) ->
              values
                  .computeIfAbsent((String) k, x -> new ArrayList<>())
                  .add(((Number) v).doubleValue()));
    }

    void print(String name, String label, double targetMs) {
      List<Double> v = new ArrayList<>(values.get(name));
      v.sort(Double::compare);
      double p50 = v.get((v.size() - 1) / 2);
      double p90 = v.get((int) Math.ceil(0.9 * v.size()) - 1);
      double max = v.get(v.size() - 1);
      String target =
          targetMs <= 0
              ? ""
              : String.format(
                  Locale.ROOT,
                  "   target %.0f ms: %s",
                  targetMs,
                  max <= targetMs
                      ? "met (max)"
                      : p90 <= targetMs ? "met (p90), max over" : "missed");
      System.out.printf(
          Locale.ROOT,
          "  %-52s p50 %7.1f  p90 %7.1f  max %7.1f ms (n=%d)%s%n",
          label,
          p50,
          p90,
          max,
          v.size(),
          target);
    }
  }
}
