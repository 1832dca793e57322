package io.ticketdesk.plugins.httpcarrier;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Shipped plugin: connects a carrier's label service over HTTP (JDK {@code HttpClient}, no other
 * dependency).
 *
 * <p>Configuration: {@code baseUrl} (required), {@code carrierName} (default {@code http-carrier}),
 * {@code apiKey} (sent as a bearer token), {@code timeoutMillis} (default 8000, below the host's
 * call timeout), {@code storefronts} (comma-separated codes; default all).
 */
public final class HttpCarrierPlugin implements TicketdeskPlugin {

  /** The plugin's name and configuration key. */
  public static final String NAME = "ticketdesk-http-carrier";

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
    Duration timeout = Duration.ofMillis(Long.parseLong(context.value("timeoutMillis", "8000")));
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
            context.value("apiKey").orElse(null),
            timeout,
            storefronts));
  }
}
