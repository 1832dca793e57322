package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seller workspace in real headless Chromium against the real fat jar with demo data: the user
 * flows of a seller and of customer service, as a user walks them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkspaceBrowserIT {
  private static RunningJar server;
  private static ChromeDriver browser;
  private static WebDriverWait wait;
  private static Map<String, String> tokens;
  private static String returnTicket;
  private static String hostileTicket;

  @BeforeAll
  static void start() throws Exception {
    Chromium.requireInstalled();
    Path data = Files.createTempDirectory("ticketdesk-browser");
    server = new RunningJar(Map.of(), "--demo", "--data-dir", data.toString());
    tokens = demoTokens();
    browser = Chromium.start(1366, 768, "en-US,en");
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    // These flows change tickets behind the page; live updates re-rendering a view mid-step would
    // make them flaky, so the page polls only hourly here and does not listen to the event stream
    // (WorkspaceOnAFridayBrowserIT tests both).
    browser.get(server.base + "/");
    js("localStorage.setItem('ticketdesk.poll-ms', '3600000')");
    js("localStorage.setItem('ticketdesk.stream', 'off')");
    createTickets();
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

  /** The tokens printed by {@code serve --demo}, by role. */
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

  /** A return request that needs a return option, and a ticket whose buyer writes markup. */
  private static void createTickets() throws Exception {
    long unit = 980_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
    String order = "BRW" + (unit % 100_000);
    String delivered = java.time.Instant.now().minus(Duration.ofDays(2)).toString();
    server.call(
        "POST",
        "/api/v1/orders",
        tokens.get("marketplace"),
        """
        {"orderNumber":"%s","storefront":"de","sellerId":1,"orderedAt":"%s",
         "buyer":{"buyerId":1001,"name":"Erika Musterfrau","email":"erika@example.com"},
         "units":[{"orderUnitId":%d,"title":"Kettle","ean":"4006381333931",
                   "price":{"amount":5999,"currency":"EUR"},"state":"received","deliveredAt":"%s"},
                  {"orderUnitId":%d,"title":"Mug","ean":"4006381333948",
                   "price":{"amount":1500,"currency":"EUR"},"state":"received","deliveredAt":"%s"}]}
        """
            .formatted(order, delivered, unit, delivered, unit + 1, delivered),
        201);
    returnTicket =
        server
            .call(
                "POST",
                "/api/v1/tickets",
                tokens.get("buyer"),
                """
                {"orderUnitIds":[%d],"reason":"product_return","returnIntent":"refund",
                 "message":"I want to return the kettle."}
                """
                    .formatted(unit),
                201)
            .get("ticketNumber")
            .asText();
    hostileTicket =
        server
            .call(
                "POST",
                "/api/v1/tickets",
                tokens.get("buyer"),
                """
                {"orderUnitIds":[%d],"reason":"product_defect",
                 "message":"<script>window.__pwned=1</script> <img src=x onerror=\\"window.__pwned=2\\"> <a href=\\"javascript:window.__pwned=3\\">click me</a>"}
                """
                    .formatted(unit + 1),
                201)
            .get("ticketNumber")
            .asText();
  }

  // ----- helpers -----

  private static WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  private static void waitForText(String css, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  private static void signIn(String token) {
    browser.get(server.base + "/");
    wait.until(d -> !d.findElements(By.cssSelector("#token, #sign-out")).isEmpty());
    if (!browser.findElements(By.id("sign-out")).isEmpty()) {
      signOut();
    }
    WebElement input = find("#token");
    input.sendKeys(token);
    input.sendKeys(Keys.ENTER);
    find("#sign-out");
  }

  private static void signOut() {
    find("#sign-out").click();
    find("#token");
  }

  private static void open(String ticket) {
    browser.get(server.base + "/#/tickets/" + ticket);
    waitForText(".ticket-view h1", ticket);
  }

  /** The page's main text as in the DOM (not as styled), read in one step (no stale elements). */
  private static String mainText() {
    return String.valueOf(js("return document.querySelector('main').textContent"));
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  /** With TICKETDESK_SCREENSHOTS=<dir> (see docs/web.md), saves what the user sees as PNG. */
  private static void screenshot(String name) throws java.io.IOException {
    String dir = System.getenv("TICKETDESK_SCREENSHOTS");
    if (dir == null || dir.isBlank()) {
      return;
    }
    Path target = Path.of(dir).resolve(name + ".png");
    Files.createDirectories(target.getParent());
    Files.write(target, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }

  private static void assertNoSeriousAccessibilityViolations(String page) {
    Results results = new AxeBuilder().analyze(browser);
    List<String> serious =
        results.getViolations().stream()
            .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
            .map(Rule::getId)
            .toList();
    assertEquals(List.of(), serious, page + ": serious or critical axe violations");
  }

  private JsonNode api(String path) throws Exception {
    return server.call("GET", path, tokens.get("seller"), null, 200);
  }

  // ----- the flows -----

  @Test
  @Order(1)
  void signInShowsTheInboxWithTabCountsAndDeadlines() throws Exception {
    browser.get(server.base + "/");
    assertEquals("", find("#token").getAttribute("value"));
    signIn(tokens.get("seller"));

    JsonNode counts = api("/api/v1/ticket-counts");
    waitForText("[data-count=open]", String.valueOf(counts.get("open").asLong()));
    assertEquals(
        String.valueOf(counts.get("waiting").asLong()),
        find("[data-count=waiting]").getText().replace(",", ""));
    assertEquals(
        String.valueOf(counts.get("closed").asLong()),
        find("[data-count=closed]").getText().replace(",", ""));
    find("#rows tr");
    List<WebElement> overdue = browser.findElements(By.cssSelector("#rows tr.overdue"));
    assertFalse(overdue.isEmpty(), "demo data has overdue tickets");
    assertTrue(overdue.get(0).getText().contains("overdue"), "overdue says so in text");
    assertFalse(
        String.valueOf(js("return document.cookie")).contains("td_session"),
        "the session cookie is HttpOnly");
    assertNoSeriousAccessibilityViolations("inbox");
    screenshot("inbox");
  }

  @Test
  @Order(2)
  void tabsSearchFiltersAndLoadMore() throws Exception {
    find("#tab-waiting").click();
    waitForText("#tab-waiting", "Waiting");
    wait.until(d -> d.findElements(By.cssSelector("#rows tr")).size() > 0);
    assertTrue(find("#rows tr").getText().matches("(?s).*(buyer|customer service).*"));

    find("#tab-closed").click();
    wait.until(ExpectedConditions.attributeToBe(By.id("tab-closed"), "aria-selected", "true"));
    int before = browser.findElements(By.cssSelector("#rows tr")).size();
    if (browser.findElement(By.id("load-more")).isDisplayed()) {
      find("#load-more").click();
      wait.until(d -> d.findElements(By.cssSelector("#rows tr")).size() > before);
    }

    browser.get(server.base + "/#/");
    wait.until(ExpectedConditions.attributeToBe(By.id("tab-open"), "aria-selected", "true"));
    WebElement search = find("#search");
    search.sendKeys(returnTicket, Keys.ENTER);
    wait.until(d -> d.findElements(By.cssSelector("#rows tr")).size() == 1);
    assertTrue(find("#rows tr").getText().contains(returnTicket));

    find("#search-clear").click();
    wait.until(ExpectedConditions.urlMatches("#/$"));
    new Select(find("#filter-storefront")).selectByValue("at");
    wait.until(ExpectedConditions.urlContains("storefront=at"));
    wait.until(d -> !d.findElements(By.cssSelector("#rows tr")).isEmpty());
    for (WebElement flag : browser.findElements(By.cssSelector("#rows .flag"))) {
      assertEquals("AT", flag.getText());
    }
    JsonNode at = api("/api/v1/ticket-counts?storefront=at");
    waitForText("[data-count=open]", String.valueOf(at.get("open").asLong()));
  }

  @Test
  @Order(3)
  void buyerMarkupIsShownAsTextAndRunsNothing() {
    open(hostileTicket);
    waitForText("#chat", "<script>window.__pwned=1</script>");
    WebElement chat = find("#chat");
    assertTrue(chat.getText().contains("<img src=x onerror=\"window.__pwned=2\">"));
    assertTrue(chat.findElements(By.tagName("img")).isEmpty());
    assertTrue(chat.findElements(By.tagName("script")).isEmpty());
    assertTrue(chat.findElements(By.cssSelector("a")).isEmpty());
    assertEquals(null, js("return window.__pwned === undefined ? null : window.__pwned"));
  }

  @Test
  @Order(4)
  void answeringWithATextModuleAndTheReturnOptionGuard() {
    open(returnTicket);
    waitForText("#policy", "applies");
    find("#return-options");
    find("button[data-module]").click();
    wait.until(d -> !d.findElement(By.id("composer")).getAttribute("value").isBlank());
    WebElement box = find("#composer");
    box.sendKeys(Keys.END, "\nBest regards");
    // a module carrying a return option preselects it: clear it to see the guard refuse
    js("document.querySelectorAll('input[name=return-option]').forEach(i => i.checked = false)");
    String typed = box.getAttribute("value");
    find("#send").click();
    waitForText("#composer-error", "return option");
    assertEquals(typed, find("#composer").getAttribute("value"), "nothing typed is lost");

    find("input[value=label_in_package]").click();
    find("#send").click();
    wait.until(d -> d.findElements(By.cssSelector("#chat .msg-seller")).size() == 1);
    assertTrue(find("#chat .msg-seller").getText().contains("Best regards"));
    assertTrue(find("#policy").getText().contains("A valid return option was offered"));
    assertNoSeriousAccessibilityViolations("ticket view");
  }

  @Test
  @Order(5)
  void actionsFromTheSelectActionMenu() throws Exception {
    open(returnTicket);
    find("#action-menu-button").click();
    find("#action-order").click();
    waitForText("#order-details", "Kettle");
    find("#action-menu-button").click();
    find("#action-refund");
    screenshot("ticket-action-menu");
    find("#action-menu-button").click();

    find("#action-menu-button").click();
    find("#action-refund").click();
    find("#refund-amount").sendKeys("999");
    find("#refund-form-submit").click();
    waitForText("#refund-form-problem", "remain");
    WebElement amount = find("#refund-amount");
    amount.clear();
    amount.sendKeys("5.00");
    find("#refund-form-submit").click();
    waitForText("#action-panel", "Refunded");
    waitForText("#chat", "5.00");

    find("#action-menu-button").click();
    find("#action-escalate").click();
    new Select(find("#escalate-reason")).selectByValue("payment_or_payout");
    find("#escalate-note").sendKeys("Buyer paid twice");
    find("#escalate-form-submit").click();
    waitForText("#action-panel", "Customer service was notified");
    waitForText(".ticket-view h1", "customer service");
  }

  @Test
  @Order(6)
  void customerServiceAnswersFromItsQueueAndHandsBack() {
    signOut();
    signIn(tokens.get("customer_service"));
    waitForText("#tab-queue", "Customer service queue");
    wait.until(d -> d.findElement(By.id("rows")).getText().contains(returnTicket));
    browser.findElement(By.linkText(returnTicket)).click();
    waitForText(".ticket-view h1", returnTicket);
    find("#composer").sendKeys("Customer service here: we checked the payment.");
    find("#send").click();
    wait.until(d -> !d.findElements(By.cssSelector("#chat .msg-customer-service")).isEmpty());
    find("#action-menu-button").click();
    find("#action-handback").click();
    find("#handback-form-submit").click();
    waitForText("#action-panel", "Handed back");
    signOut();
  }

  @Test
  @Order(7)
  void closingAsksForConfirmation() {
    signIn(tokens.get("seller"));
    assertEquals("en", find("html").getAttribute("lang"));
    open(returnTicket);
    find("#action-menu-button").click();
    find("#action-close").click();
    waitForText("#close-form", returnTicket);
    find("#close-form-submit").click();
    wait.until(d -> mainText().contains("closed"));
  }

  @Test
  @Order(8)
  void textModulesCanBeCreatedPreviewedEditedAndDeleted() {
    browser.get(server.base + "/#/text-modules");
    find("#tm-new").click();
    new Select(find("#tm-storefront")).selectByValue("de");
    find("#tm-name").sendKeys("Browser greeting");
    find("#tm-body").sendKeys("Hallo {{buyer.name}}, danke für Ihre Nachricht.");
    find("#tm-preview-button").click();
    waitForText("#tm-preview", "danke");
    assertFalse(find("#tm-preview").getText().contains("{{buyer.name}}"));
    find("#tm-save").click();
    wait.until(d -> mainText().contains("Browser greeting"));

    WebElement row =
        browser.findElements(By.cssSelector(".tm-list tbody tr")).stream()
            .filter(r -> r.getText().contains("Browser greeting"))
            .findFirst()
            .orElseThrow();
    row.findElement(By.xpath(".//button[text()='Edit']")).click();
    WebElement name = find("#tm-name");
    name.clear();
    name.sendKeys("Browser greeting 2");
    find("#tm-save").click();
    wait.until(d -> mainText().contains("Browser greeting 2"));

    row =
        browser.findElements(By.cssSelector(".tm-list tbody tr")).stream()
            .filter(r -> r.getText().contains("Browser greeting 2"))
            .findFirst()
            .orElseThrow();
    row.findElement(By.xpath(".//button[text()='Delete']")).click();
    browser.switchTo().alert().accept();
    wait.until(d -> !mainText().contains("Browser greeting 2"));
  }

  @Test
  @Order(9)
  void theKpiPageShowsTwelveWeeksAsAChart() throws Exception {
    browser.get(server.base + "/#/kpi");
    WebElement chart = find("#kpi-chart");
    assertEquals(12, browser.findElements(By.cssSelector(".kpi-table tbody tr")).size());
    assertTrue(chart.isDisplayed());
    find("#kpi-overdue");
    assertNoSeriousAccessibilityViolations("KPI page");
    screenshot("kpi");
  }

  @Test
  @Order(10)
  void theKeyboardAloneWorksTheInbox() {
    browser.get(server.base + "/#/");
    find("#rows tr");
    browser.findElement(By.tagName("body")).sendKeys("/");
    assertEquals("search", browser.switchTo().activeElement().getAttribute("id"));
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    js("document.activeElement.blur()");
    browser.findElement(By.tagName("body")).sendKeys("j");
    WebElement first = browser.switchTo().activeElement();
    assertTrue(first.getAttribute("class").contains("ticket-link"), "j focuses a row");
    String number = first.getText();
    first.sendKeys(Keys.ENTER);
    waitForText(".ticket-view h1", number);
    browser.findElement(By.tagName("body")).sendKeys("a");
    wait.until(d -> "action-order".equals(d.switchTo().activeElement().getAttribute("id")));
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    assertEquals("action-menu-button", browser.switchTo().activeElement().getAttribute("id"));
    js("document.activeElement.blur()");
    browser.findElement(By.tagName("body")).sendKeys("r");
    assertEquals("composer", browser.switchTo().activeElement().getAttribute("id"));
  }

  @Test
  @Order(11)
  void phoneWidthHasNoHorizontalScrolling() {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    try {
      browser.get(server.base + "/#/");
      find("#rows tr");
      Number overflow =
          (Number) js("return document.documentElement.scrollWidth - window.innerWidth");
      assertTrue(overflow.intValue() <= 0, "horizontal overflow of " + overflow + " px");
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    }
  }

  @Test
  @Order(12)
  void aGermanBrowserGetsTheGermanPage() {
    ChromeDriver german = Chromium.start(1366, 768, "de-DE,de");
    try {
      german.get(server.base + "/");
      new WebDriverWait(german, Duration.ofSeconds(15))
          .until(
              ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Anmelden"));
      assertEquals("de", german.findElement(By.tagName("html")).getAttribute("lang"));
    } finally {
      german.quit();
    }
  }

  @Test
  @Order(13)
  void theApiExplorerTriesOperationsWithABearerToken() {
    browser.get(server.base + "/docs");
    find(".swagger-ui .opblock");
    find(".btn.authorize").click();
    find(".auth-container input").sendKeys(tokens.get("seller"));
    find(".auth-btn-wrapper .authorize").click();
    find(".btn-done").click();
    WebElement op = find("#operations-tickets-countTickets");
    op.findElement(By.cssSelector(".opblock-summary")).click();
    find("#operations-tickets-countTickets .try-out__btn").click();
    find("#operations-tickets-countTickets .execute").click();
    waitForText("#operations-tickets-countTickets .live-responses-table", "200");
    List<String> csp =
        Chromium.console(browser).stream().filter(m -> m.contains("Content Security")).toList();
    assertEquals(List.of(), csp, "no CSP violations on /docs");
  }

  @Test
  @Order(14)
  void signOutEndsTheSession() throws Exception {
    browser.get(server.base + "/#/");
    signOut();
    browser.navigate().refresh();
    find("#token");
    assertNotEquals(0, find("#token").getSize().getHeight());
    List<String> csp =
        Chromium.console(browser).stream().filter(m -> m.contains("Content Security")).toList();
    assertEquals(List.of(), csp, "no CSP violations on the workspace");
  }
}
