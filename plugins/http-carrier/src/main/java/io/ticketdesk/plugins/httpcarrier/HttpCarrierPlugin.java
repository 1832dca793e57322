package io.ticketdesk.plugins.httpcarrier;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Shipped plugin: connects a carrier's label service over HTTP (JDK {@code HttpClient}, no other
 * dependency).
 *
 * <p>Configuration (the plugin's {@code PluginContext}):
 *
 * <ul>
 *   <li>{@code baseUrl} (required): the service's http(s) URL; labels are requested from {@code
 *       POST {baseUrl}/return-labels};
 *   <li>{@code carrierName} (default {@code http-carrier});
 *   <li>{@code apiKey}: sent with every request, by default as {@code Authorization: Bearer
 *       <apiKey>};
 *   <li>{@code apiKeyHeader} (default {@code Authorization}): another header name, e.g. {@code
 *       X-Api-Key}, carries the key as it is, without {@code Bearer};
 *   <li>{@code connectTimeoutMillis} (default 3000): how long to wait for the TCP/TLS connection;
 *   <li>{@code timeoutMillis} (default 8000): how long to wait for the whole answer; keep it below
 *       the host's call timeout (10 s by default) so the caller gets the carrier's reason;
 *   <li>{@code storefronts} (comma-separated codes; default all).
 * </ul>
 *
 * <p>A missing or malformed value stops the plugin from loading, with a message naming the key.
 */
public final class HttpCarrierPlugin implements TicketdeskPlugin {

  /** The plugin's name and configuration key. */
  public static final String NAME = "ticketdesk-http-carrier";

  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(3000);
  static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(8000);
  static final String DEFAULT_API_KEY_HEADER = "Authorization";
  private static final long MAX_TIMEOUT_MILLIS = 600_000;
  private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public List<ReturnLabelProvider> returnLabelProviders(PluginContext context) {
    String baseUrl =
        context
            .value("baseUrl")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "config 'baseUrl' is missing: set it to the carrier service's URL"));
    URI base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    if (!"https".equals(base.getScheme()) && !"http".equals(base.getScheme())) {
      throw new IllegalStateException("config 'baseUrl' must be an http(s) URL: " + baseUrl);
    }
    Duration connectTimeout = millis(context, "connectTimeoutMillis", DEFAULT_CONNECT_TIMEOUT);
    Duration timeout = millis(context, "timeoutMillis", DEFAULT_TIMEOUT);
    String apiKey = context.value("apiKey").orElse(null);
    if (apiKey != null && !apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      // Never echo the key itself.
      throw new IllegalStateException(
          "config 'apiKey' must be printable ASCII without spaces or line breaks");
    }
    String apiKeyHeader = context.value("apiKeyHeader", DEFAULT_API_KEY_HEADER).trim();
    if (!HEADER_NAME.matcher(apiKeyHeader).matches() || restricted(apiKeyHeader)) {
      throw new IllegalStateException(
          "config 'apiKeyHeader' must be an HTTP header name the client may set, e.g. X-Api-Key: "
              + apiKeyHeader);
    }
    Set<String> storefronts =
        context
            .value("storefronts")
            .map(
                s ->
                    Arrays.stream(s.split(","))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
            .orElse(Set.of());
    return List.of(
        new HttpReturnLabelProvider(
            context.value("carrierName", "http-carrier"),
            base,
            apiKey,
            apiKeyHeader,
            connectTimeout,
            timeout,
            storefronts));
  }

  /** A positive number of milliseconds from the configuration, or the default. */
  private static Duration millis(PluginContext context, String key, Duration defaultValue) {
    Optional<String> raw = context.value(key);
    if (raw.isEmpty()) {
      return defaultValue;
    }
    try {
      long millis = Long.parseLong(raw.get().trim());
      if (millis > 0 && millis <= MAX_TIMEOUT_MILLIS) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalStateException(
        "config '"
            + key
            + "' must be a whole number of milliseconds from 1 to "
            + MAX_TIMEOUT_MILLIS
            + ": "
            + raw.get());
  }

  /** Whether the JDK's HttpClient refuses to let callers set this header (e.g. Host). */
  private static boolean restricted(String header) {
    try {
      HttpRequest.newBuilder().header(header, "x");
      return false;
    } catch (IllegalArgumentException e) {
      return true;
    }
  }
}
