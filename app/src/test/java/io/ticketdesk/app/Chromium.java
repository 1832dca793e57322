package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium through its chromedriver, both at fixed paths (nothing is downloaded:
 * Selenium Manager is never asked). Without them the browser tests skip loudly; with {@code
 * CI=true} they fail instead.
 */
final class Chromium {
  static final Path BROWSER =
      Path.of(System.getenv().getOrDefault("TICKETDESK_CHROMIUM", "/usr/bin/chromium"));
  static final Path DRIVER =
      Path.of(System.getenv().getOrDefault("TICKETDESK_CHROMEDRIVER", "/usr/bin/chromedriver"));

  private Chromium() {}

  /** Skips (or in CI fails) the calling tests when Chromium or chromedriver is missing. */
  static void requireInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    String message =
        "Chromium ("
            + BROWSER
            + ") or chromedriver ("
            + DRIVER
            + ") is missing: install Debian's chromium and chromium-driver packages"
            + " (apt-get install -y chromium chromium-driver) to run the browser tests";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    System.err.println();
    System.err.println("!!!!! SKIPPING THE BROWSER TESTS: " + message + " !!!!!");
    System.err.println();
    Assumptions.abort(message);
  }

  /** A headless browser with the given window size and accepted languages. */
  static ChromeDriver start(int width, int height, String languages) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--window-size=" + width + "," + height,
        "--lang=" + languages.split(",")[0]);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort()
            .withTimeout(Duration.ofSeconds(60))
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return driver;
  }

  /** The browser console's messages (CSP violations are reported there). */
  static List<String> console(ChromeDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(e -> e.getLevel() + " " + e.getMessage())
        .toList();
  }
}
