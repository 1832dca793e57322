package io.ticketdesk.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ticketdesk.plugin.api.ReturnAddress;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * The contract every {@link ReturnLabelProvider} must keep, as JUnit 5 tests. Extend it in your
 * plugin's tests and supply the provider and a request it supports:
 *
 * <pre>{@code
 * class AcmeCarrierContractTest extends ReturnLabelProviderContract {
 *   @Override protected ReturnLabelProvider provider() {
 *     return new AcmePlugin().returnLabelProviders(PluginContext.of(Map.of(...))).get(0);
 *   }
 *   @Override protected ReturnLabelRequest supportedRequest() {
 *     return sampleRequest("de", "DE", "DE");
 *   }
 * }
 * }</pre>
 *
 * <p>Every call runs under {@link #callBudget()} (5 s unless overridden), well within the host's
 * default call timeout of 10 s. {@link #provider()} is called before each test, so each test gets
 * the provider as freshly configured.
 *
 * @since 1.0
 */
public abstract class ReturnLabelProviderContract {

  /**
   * The host's default timeout for one call into a plugin.
   *
   * @since 1.0
   */
  public static final Duration HOST_DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

  /** The seven storefronts, used to probe {@code supports}. */
  private static final List<String> STOREFRONTS = List.of("de", "at", "cz", "sk", "pl", "fr", "it");

  private static final int CONCURRENT_LABELS = 4;

  private ReturnLabelProvider provider;

  /**
   * The provider under test, configured as in production (e.g. through the plugin's factory with a
   * {@code PluginContext}). Called before each test.
   *
   * @since 1.0
   */
  protected abstract ReturnLabelProvider provider();

  /**
   * A request the provider supports and can make a label for.
   *
   * @since 1.0
   */
  protected abstract ReturnLabelRequest supportedRequest();

  /**
   * How long one call may take: 5 s by default. Must stay below the host's 10 s default.
   *
   * @since 1.0
   */
  protected Duration callBudget() {
    return Duration.ofSeconds(5);
  }

  /**
   * A realistic request for the given storefront and route, with non-ASCII names (Czech, Polish)
   * and two items, for subclasses that need nothing special.
   *
   * @since 1.0
   */
  public static ReturnLabelRequest sampleRequest(
      String storefront, String fromCountry, String toCountry) {
    return new ReturnLabelRequest(
        "00112345678",
        "MQ8BRT7",
        storefront,
        "Světla s.r.o.",
        new ReturnAddress("Světla s.r.o. – sklad", "Řeznická 12", "110 00", "Praha", toCountry),
        "Łukasz Żółkiewski",
        fromCountry,
        toCountry,
        List.of(
            new ReturnLabelRequest.Item(1001, "Stolní lampa", "4006381333931"),
            new ReturnLabelRequest.Item(1002, "Žárovka E27", "")));
  }

  @BeforeEach
  final void createProvider() {
    assertTrue(
        callBudget().compareTo(HOST_DEFAULT_CALL_TIMEOUT) < 0,
        "callBudget() must stay below the host's default call timeout of 10 s");
    provider = timed("provider()", this::provider);
    assertNotNull(provider, "provider() returned null");
  }

  @Test
  final void the_carrier_name_is_non_blank_valid_and_stable() {
    String first = timed("carrier()", provider::carrier);
    assertEquals(List.of(), ReturnLabelRules.carrierNameProblems(first));
    assertEquals(first, timed("carrier()", provider::carrier), "carrier() changed between calls");
    ReturnLabelProvider another = timed("provider()", this::provider);
    assertEquals(
        first,
        timed("carrier()", another::carrier),
        "a provider made the same way has another carrier name");
  }

  @Test
  final void supports_the_supported_request_and_answers_consistently() {
    ReturnLabelRequest request = supportedRequest();
    assertTrue(
        timed(
            "supports(...)",
            () ->
                provider.supports(
                    request.storefront(), request.fromCountry(), request.toCountry())),
        () -> "supports(...) is false for supportedRequest(): " + route(request));

    Set<String> storefronts = new LinkedHashSet<>(STOREFRONTS);
    storefronts.add(request.storefront());
    Set<String> countries = new LinkedHashSet<>();
    // Each storefront's country code is its code in capitals (de -> DE, cz -> CZ, ...).
    STOREFRONTS.forEach(s -> countries.add(s.toUpperCase(Locale.ROOT)));
    countries.add(request.fromCountry());
    countries.add(request.toCountry());
    List<String> inconsistent =
        timed(
            "supports(...) for every storefront and route",
            () -> {
              List<String> found = new ArrayList<>();
              for (String storefront : storefronts) {
                for (String from : countries) {
                  for (String to : countries) {
                    if (provider.supports(storefront, from, to)
                        != provider.supports(storefront, from, to)) {
                      found.add(storefront + " " + from + "->" + to);
                    }
                  }
                }
              }
              return found;
            });
    assertEquals(List.of(), inconsistent, "supports(...) answered differently for the same route");
  }

  @Test
  final void a_label_for_a_supported_request_is_acceptable_to_the_host() {
    ReturnLabel label = timed("createLabel(...)", () -> provider.createLabel(supportedRequest()));

    assertEquals(List.of(), ReturnLabelRules.labelProblems(label, provider.carrier()));
  }

  @Test
  final void two_labels_get_different_tracking_numbers() {
    ReturnLabel first = timed("createLabel(...)", () -> provider.createLabel(supportedRequest()));
    ReturnLabel second = timed("createLabel(...)", () -> provider.createLabel(supportedRequest()));

    assertNotNull(first, "createLabel returned null");
    assertNotNull(second, "createLabel returned null");
    assertNotEquals(
        first.trackingNumber(),
        second.trackingNumber(),
        "two labels for the same request share a tracking number");
  }

  @Test
  final void labels_can_be_made_concurrently() {
    List<String> trackingNumbers =
        timed(
            CONCURRENT_LABELS + " concurrent createLabel(...) calls",
            () -> {
              ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT_LABELS);
              try {
                List<Future<ReturnLabel>> futures = new ArrayList<>();
                for (int i = 0; i < CONCURRENT_LABELS; i++) {
                  futures.add(pool.submit(() -> provider.createLabel(supportedRequest())));
                }
                List<String> numbers = new ArrayList<>();
                for (Future<ReturnLabel> future : futures) {
                  ReturnLabel label = future.get();
                  assertEquals(
                      List.of(), ReturnLabelRules.labelProblems(label, provider.carrier()));
                  numbers.add(label.trackingNumber());
                }
                return numbers;
              } finally {
                pool.shutdownNow();
              }
            });
    assertEquals(
        CONCURRENT_LABELS,
        Set.copyOf(trackingNumbers).size(),
        "concurrent labels share tracking numbers: " + trackingNumbers);
  }

  @Test
  final void a_null_request_is_refused_clearly() {
    Throwable thrown =
        timed(
            "createLabel(null)",
            () -> {
              try {
                ReturnLabel label = provider.createLabel(null);
                return fail("createLabel(null) returned " + label + " instead of refusing");
              } catch (NullPointerException | IllegalArgumentException e) {
                return e;
              }
            });
    String message = thrown.getMessage();
    assertTrue(
        message != null
            && message.toLowerCase(Locale.ROOT).contains("request")
            // The JDK's own "helpful" NullPointerException message means nobody checked.
            && !message.startsWith("Cannot "),
        () ->
            "createLabel(null) should refuse with a message naming the request, e.g."
                + " requireNonNull(request, \"request is null\"); got: "
                + thrown);
  }

  private <T> T timed(String call, ThrowingSupplier<T> supplier) {
    return assertTimeoutPreemptively(
        callBudget(),
        supplier,
        () -> call + " did not finish within " + callBudget().toMillis() + " ms");
  }

  private static String route(ReturnLabelRequest r) {
    return r.storefront() + " " + r.fromCountry() + "->" + r.toCountry();
  }
}
