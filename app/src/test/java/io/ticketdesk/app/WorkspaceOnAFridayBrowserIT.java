package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workspace against the real fat jar whose clock starts on a Friday afternoon (15:00 in
 * Berlin), where working time and wall-clock time part: a ticket opened now is due on Tuesday, 96
 * hours later, with 48 hours of working time left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceOnAFridayBrowserIT {
  static final Instant FRIDAY_AFTERNOON = Instant.parse("2026-03-06T14:00:00Z");

  private static RunningJar server;
  private static ChromeDriver browser;
  private static WebDriverWait wait;
  private static Map<String, String> tokens;
  private static String ticket;
  private static long unit;

  @BeforeAll
  static void start() throws Exception {
    Chromium.requireInstalled();
    Path data = Files.createTempDirectory("ticketdesk-friday");
    server =
        new RunningJar(
            Map.of(),
            "--demo",
            "--data-dir",
            data.toString(),
            "--clock",
            FRIDAY_AFTERNOON.toString());
    tokens = demoTokens();
    browser = Chromium.start(1366, 768, "en-US,en");
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    unit = 970_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
    String order = "FRI" + (unit % 100_000);
    String delivered = FRIDAY_AFTERNOON.minus(Duration.ofDays(2)).toString();
    server.call(
        "POST",
        "/api/v1/orders",
        tokens.get("marketplace"),
        """
        {"orderNumber":"%s","storefront":"de","sellerId":1,"orderedAt":"%s",
         "buyer":{"buyerId":1001,"name":"Erika Musterfrau","email":"erika@example.com"},
         "units":[{"orderUnitId":%d,"title":"Kettle","ean":"4006381333931",
                   "price":{"amount":5999,"currency":"EUR"},"state":"received","deliveredAt":"%s"}]}
        """
            .formatted(order, delivered, unit, delivered),
        201);
    ticket =
        server
            .call(
                "POST",
                "/api/v1/tickets",
                tokens.get("buyer"),
                """
                {"orderUnitIds":[%d],"reason":"product_defect","message":"The kettle leaks."}
                """
                    .formatted(unit),
                201)
            .get("ticketNumber")
            .asText();
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  private static Map<String, String> demoTokens() throws InterruptedException {
    Pattern line =
        Pattern.compile("^\\s+(marketplace|seller|buyer|customer_service)\\s+(tdk_\\S+)");
    for (int i = 0; i < 300; i++) {
      Map<String, String> found = new java.util.HashMap<>();
      for (String l : server.output().split("\n")) {
        Matcher m = line.matcher(l);
        if (m.find()) {
          found.put(m.group(1), m.group(2));
        }
      }
      if (found.size() == 4) {
        return found;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no demo tokens printed:\n" + server.output());
  }

  private static WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  /**
   * Waits for {@code text} in {@code css}; on a timeout the failure says what the page showed
   * instead (that element, the action panel, the ticket-changed notice) and what the browser
   * console logged, so that a rare failure explains itself.
   */
  private static void waitForText(String css, String text) {
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    } catch (TimeoutException e) {
      java.util.List<String> console = Chromium.console(browser);
      throw new AssertionError(
          "no \""
              + text
              + "\" in "
              + css
              + " within 15 s\n  "
              + css
              + ": "
              + shown(css)
              + "\n  #action-panel: "
              + shown("#action-panel")
              + "\n  #ticket-changed: "
              + shown("#ticket-changed")
              + "\n  console (last 10):"
              + console.subList(Math.max(0, console.size() - 10), console.size()).stream()
                  .map(line -> "\n    " + shorten(line))
                  .collect(java.util.stream.Collectors.joining()),
          e);
    }
  }

  /** The visible text of the first element at {@code css}, on one line, its end if long. */
  private static String shown(String css) {
    java.util.List<WebElement> found = browser.findElements(By.cssSelector(css));
    if (found.isEmpty()) {
      return "(not on the page)";
    }
    String text = found.get(0).getText();
    return text.isBlank() ? "(nothing shown)" : "\"" + shorten(text.replace('\n', '/')) + "\"";
  }

  private static String shorten(String text) {
    return text.length() <= 300 ? text : "…" + text.substring(text.length() - 300);
  }

  private static void signIn(String token) {
    browser.get(server.base + "/");
    wait.until(d -> !d.findElements(By.cssSelector("#token, #sign-out")).isEmpty());
    if (!browser.findElements(By.id("sign-out")).isEmpty()) {
      find("#sign-out").click();
    }
    WebElement input = find("#token");
    input.sendKeys(token);
    input.sendKeys(Keys.ENTER);
    find("#sign-out");
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static JsonNode api(String path) throws Exception {
    return server.call("GET", path, tokens.get("seller"), null, 200);
  }

  @Test
  @Order(1)
  void theInboxShowsTheBuyerByNameAndTheWorkingTimeLeftNotTheWallClockTime() throws Exception {
    JsonNode fromApi = api("/api/v1/tickets/" + ticket);
    long left = fromApi.get("workingSecondsLeft").asLong();
    assertTrue(
        left > 47 * 3600 && left <= 48 * 3600,
        "48 working hours, not 96 wall-clock hours: " + fromApi);

    signIn(tokens.get("seller"));
    browser.get(server.base + "/#/?q=" + ticket);
    String row = "#rows tr[data-ticket='" + ticket + "'] td.due";
    waitForText(row, "of working time left");
    String due = find(row).getText();
    assertTrue(due.matches("(2 d 0 h|47 h \\d\\d) of working time left"), due);
    assertEquals(
        "Erika Musterfrau",
        find("#rows tr[data-ticket='" + ticket + "'] td.buyer").getText(),
        "the buyer by name, not by id");

    find("#rows tr[data-ticket='" + ticket + "'] a.ticket-link").click();
    waitForText(".ticket-view h1", ticket);
    assertTrue(find(".ticket-view .facts").getText().contains(due), "the ticket view agrees");
    assertEquals("Erika Musterfrau", find("#ticket-buyer").getText());
  }

  @Test
  @Order(2)
  void overdueRowsStandOutAndSayByHowMuchWorkingTime() {
    browser.get(server.base + "/#/?tab=open");
    find("#rows tr");
    wait.until(d -> !d.findElements(By.cssSelector("#rows tr.overdue")).isEmpty());
    for (WebElement row : browser.findElements(By.cssSelector("#rows tr"))) {
      boolean overdue = row.getAttribute("class").contains("overdue");
      String due = row.findElement(By.cssSelector("td.due")).getText();
      assertTrue(overdue == due.startsWith("overdue by"), row.getText());
      if (overdue) {
        assertTrue(due.endsWith("of working time"), due);
        assertEquals(
            "rgb(255, 240, 240)",
            js("return getComputedStyle(arguments[0]).backgroundColor", row),
            "an overdue row is tinted, not only worded");
        assertEquals("!", row.findElement(By.cssSelector("td.mark")).getText());
      }
    }
  }

  @Test
  @Order(3)
  void markingAReturnRequestFromTheMenuIsRefusedOnAStaleTicketThenDoneThenRefusedAsDone()
      throws Exception {
    browser.get(server.base + "/#/tickets/" + ticket);
    waitForText(".ticket-view h1", ticket);
    find("#action-menu-button").click();
    find("#action-mark").click();
    new Select(find("#mark-intent")).selectByValue("repair");
    int formTop = find("#mark-form").getRect().getY();
    // Meanwhile the seller answers from another client: the ticket the page shows is stale.
    server.call(
        "POST",
        "/api/v1/tickets/" + ticket + "/messages",
        tokens.get("seller"),
        "{\"text\":\"We are checking the kettle.\"}",
        201);
    find("#mark-form-submit").click();
    waitForText("#mark-form-problem", "reload it and decide again");
    assertEquals("product_defect", api("/api/v1/tickets/" + ticket).get("reason").asText());
    // The live check offers the change; the form stays where it is, so that a click on its
    // button as the notice appears still lands on the button.
    find("#ticket-changed");
    assertEquals(formTop, find("#mark-form").getRect().getY(), "the open form did not move");

    find("#mark-reload").click();
    waitForText("#chat", "We are checking the kettle.");
    find("#action-menu-button").click();
    find("#action-mark").click();
    new Select(find("#mark-intent")).selectByValue("repair");
    find("#mark-form-submit").click();
    waitForText("#action-panel", "Marked as a return request.");
    JsonNode marked = api("/api/v1/tickets/" + ticket);
    assertEquals("product_return", marked.get("reason").asText());
    assertEquals("repair", marked.get("returnIntent").asText());
    assertEquals(
        "open", marked.get("status").asText(), "open again, with a deadline from the mark");
    waitForText(".ticket-view .facts", "Product return");

    find("#action-menu-button").click();
    find("#action-mark").click();
    new Select(find("#mark-intent")).selectByValue("repair");
    find("#mark-form-submit").click();
    String detail =
        server
            .call(
                "PATCH",
                "/api/v1/tickets/" + ticket,
                tokens.get("seller"),
                "{\"reason\":\"product_return\",\"returnIntent\":\"repair\"}",
                409)
            .get("detail")
            .asText();
    waitForText("#mark-form-problem", detail);
  }

  @Test
  @Order(4)
  void aReloadOfAStaleTicketThatFailsSaysWhyAndCanBeTriedAgain() throws Exception {
    browser.get(server.base + "/#/tickets/" + ticket);
    browser.navigate().refresh();
    waitForText(".ticket-view h1", ticket);
    find("#action-menu-button").click();
    find("#action-mark").click();
    server.call(
        "POST",
        "/api/v1/tickets/" + ticket + "/messages",
        tokens.get("seller"),
        "{\"text\":\"The spare part is on its way.\"}",
        201);
    find("#mark-form-submit").click();
    waitForText("#mark-form-problem", "reload it and decide again");

    ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
    offline.setOffline(true);
    browser.setNetworkConditions(offline);
    try {
      find("#mark-reload").click();
      waitForText("#mark-form-problem", "Something went wrong: network error");
    } finally {
      browser.deleteNetworkConditions();
    }
    assertFalse(
        find("#chat").getText().contains("The spare part is on its way."), "still the old view");

    find("#mark-reload").click(); // the button stays for another try
    waitForText("#chat", "The spare part is on its way.");
  }

  /** The page's own requests to {@code path} so far (Resource Timing), with their statuses. */
  private static java.util.List<Object> requestsTo(String path) {
    @SuppressWarnings("unchecked")
    java.util.List<Object> statuses =
        (java.util.List<Object>)
            js(
                "return performance.getEntriesByType('resource')"
                    + ".filter(e => new URL(e.name).pathname === arguments[0])"
                    + ".map(e => e.responseStatus)",
                path);
    return statuses;
  }

  private static void setTabHidden(boolean hidden) {
    js(
        "Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => arguments[0] ? 'hidden' : 'visible'});"
            + "document.dispatchEvent(new Event('visibilitychange'));",
        hidden);
  }

  @Test
  @Order(5)
  void countsAndTheOpenTicketUpdateWithoutReloadAndPollingPausesWhileTheTabIsHidden()
      throws Exception {
    js("localStorage.setItem('ticketdesk.poll-ms', '1500')");
    browser.get(server.base + "/#/?tab=open");
    browser.navigate().refresh();
    JsonNode before = api("/api/v1/ticket-counts");
    waitForText("[data-count=open]", String.valueOf(before.get("open").asLong()));
    js("window.__sameDocument = true");

    // A buyer opens a ticket elsewhere: the Open tab's count follows, the page is not reloaded.
    long second = unit + 1;
    server.call(
        "POST",
        "/api/v1/orders",
        tokens.get("marketplace"),
        """
        {"orderNumber":"FRJ%d","storefront":"de","sellerId":1,"orderedAt":"2026-03-01T10:00:00Z",
         "buyer":{"buyerId":1001,"name":"Erika Musterfrau","email":"erika@example.com"},
         "units":[{"orderUnitId":%d,"title":"Toaster","ean":"4006381333931",
                   "price":{"amount":2999,"currency":"EUR"},"state":"sent"}]}
        """
            .formatted(second % 100_000, second),
        201);
    server.call(
        "POST",
        "/api/v1/tickets",
        tokens.get("buyer"),
        "{\"orderUnitIds\":[%d],\"reason\":\"product_defect\",\"message\":\"Toast burns.\"}"
            .formatted(second),
        201);
    waitForText("[data-count=open]", String.valueOf(before.get("open").asLong() + 1));
    assertEquals(true, js("return window.__sameDocument === true"), "no page reload");

    // The open ticket shows the buyer's new message; what the seller is typing stays.
    js("location.hash = arguments[0]", "#/tickets/" + ticket); // in the same document
    waitForText(".ticket-view h1", ticket);
    find("#composer").sendKeys("Dear Ms Musterfrau, ");
    js("performance.clearResourceTimings()");
    server.call(
        "POST",
        "/api/v1/tickets/" + ticket + "/messages",
        tokens.get("buyer"),
        "{\"text\":\"Any news about my kettle?\"}",
        201);
    waitForText("#chat", "Any news about my kettle?");
    assertEquals("Dear Ms Musterfrau, ", find("#composer").getAttribute("value"));
    assertEquals(true, js("return window.__sameDocument === true"), "no page reload");
    // Polls carry If-None-Match: while nothing changes they answer 304, without a body.
    wait.until(d -> requestsTo("/api/v1/tickets/" + ticket).contains(304L));

    // Hidden tab: no polls; shown again: a poll at once.
    setTabHidden(true);
    Thread.sleep(500); // a poll in flight ends
    js("performance.clearResourceTimings()");
    Thread.sleep(4_500); // three intervals
    assertEquals(java.util.List.of(), requestsTo("/api/v1/tickets/" + ticket), "paused");
    setTabHidden(false);
    wait.until(d -> !requestsTo("/api/v1/tickets/" + ticket).isEmpty());
    js("localStorage.removeItem('ticketdesk.poll-ms')");
  }

  @Test
  @Order(6)
  void theEventStreamUpdatesCountsAndTheOpenTicketAtOnceWithoutPolling() throws Exception {
    js("localStorage.setItem('ticketdesk.poll-ms', '3600000')"); // no poll in this test
    browser.get(server.base + "/#/?tab=open");
    browser.navigate().refresh();
    JsonNode before = api("/api/v1/ticket-counts");
    waitForText("[data-count=open]", String.valueOf(before.get("open").asLong()));
    wait.until(d -> "stream".equals(js("return document.body.dataset.live")));

    long third = unit + 2;
    server.call(
        "POST",
        "/api/v1/orders",
        tokens.get("marketplace"),
        """
        {"orderNumber":"FRK%d","storefront":"de","sellerId":1,"orderedAt":"2026-03-01T10:00:00Z",
         "buyer":{"buyerId":1001,"name":"Erika Musterfrau","email":"erika@example.com"},
         "units":[{"orderUnitId":%d,"title":"Lamp","ean":"4006381333931",
                   "price":{"amount":2999,"currency":"EUR"},"state":"sent"}]}
        """
            .formatted(third % 100_000, third),
        201);
    server.call(
        "POST",
        "/api/v1/tickets",
        tokens.get("buyer"),
        "{\"orderUnitIds\":[%d],\"reason\":\"product_defect\",\"message\":\"Flickers.\"}"
            .formatted(third),
        201);
    waitForText("[data-count=open]", String.valueOf(before.get("open").asLong() + 1));

    js("location.hash = arguments[0]", "#/tickets/" + ticket);
    waitForText(".ticket-view h1", ticket);
    wait.until(d -> "stream".equals(js("return document.body.dataset.live")));
    server.call(
        "POST",
        "/api/v1/tickets/" + ticket + "/messages",
        tokens.get("buyer"),
        "{\"text\":\"Is the stream faster?\"}",
        201);
    waitForText("#chat", "Is the stream faster?");
    js("localStorage.removeItem('ticketdesk.poll-ms')");
  }
}
