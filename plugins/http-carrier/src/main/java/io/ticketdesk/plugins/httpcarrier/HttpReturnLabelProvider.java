package io.ticketdesk.plugins.httpcarrier;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.plugin.api.ReturnAddress;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks a carrier's label service for a label: {@code POST {baseUrl}/return-labels} with the request
 * as JSON; the answer is JSON {@code {trackingNumber, labelUrl}} or {@code {trackingNumber,
 * labelPdf}} (base64), or the PDF itself with the tracking number in the {@code X-Tracking-Number}
 * header.
 */
final class HttpReturnLabelProvider implements ReturnLabelProvider {

  static final String PATH = "return-labels";
  private static final int MAX_ERROR_BODY = 200;

  private final String carrier;
  private final URI endpoint;
  private final String apiKey;
  private final String apiKeyHeader;
  private final Duration connectTimeout;
  private final Duration timeout;
  private final Set<String> storefronts;
  private final HttpClient client;

  HttpReturnLabelProvider(
      String carrier,
      URI baseUrl,
      String apiKey,
      String apiKeyHeader,
      Duration connectTimeout,
      Duration timeout,
      Set<String> storefronts) {
    this.carrier = requireNonNull(carrier, "carrier is null");
    this.endpoint = requireNonNull(baseUrl, "baseUrl is null").resolve(PATH);
    this.apiKey = apiKey;
    this.apiKeyHeader = requireNonNull(apiKeyHeader, "apiKeyHeader is null");
    this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.storefronts = Set.copyOf(storefronts);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** How long to wait for the connection. */
  Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long to wait for the whole answer. */
  Duration timeout() {
    return timeout;
  }

  @Override
  public String carrier() {
    return carrier;
  }

  @Override
  public boolean supports(String storefront, String fromCountry, String toCountry) {
    return storefronts.isEmpty() || storefronts.contains(storefront);
  }

  @Override
  public ReturnLabel createLabel(ReturnLabelRequest request) {
    requireNonNull(request, "request is null");
    HttpRequest.Builder http =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json; charset=utf-8")
            .header("Accept", "application/json, application/pdf")
            .POST(HttpRequest.BodyPublishers.ofString(toJson(request), StandardCharsets.UTF_8));
    if (apiKey != null) {
      boolean bearer = apiKeyHeader.equalsIgnoreCase("Authorization");
      http.header(apiKeyHeader, bearer ? "Bearer " + apiKey : apiKey);
    }
    HttpResponse<byte[]> response;
    try {
      response = client.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw new CarrierRequestException(
          "could not connect to the carrier service within " + connectTimeout.toMillis() + " ms",
          e);
    } catch (HttpTimeoutException e) {
      throw new CarrierRequestException(
          "carrier service did not answer within " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new CarrierRequestException("carrier service unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CarrierRequestException("interrupted while waiting for the carrier service", e);
    }
    return fromResponse(response);
  }

  private ReturnLabel fromResponse(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    byte[] body = response.body();
    if (status < 200 || status > 299) {
      String text = new String(body, StandardCharsets.UTF_8);
      throw new CarrierRequestException(
          "carrier service answered HTTP "
              + status
              + (text.isBlank()
                  ? ""
                  : ": " + text.substring(0, Math.min(MAX_ERROR_BODY, text.length()))));
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase();
    if (contentType.startsWith("application/pdf")) {
      String tracking =
          response
              .headers()
              .firstValue("X-Tracking-Number")
              .orElseThrow(
                  () ->
                      new CarrierRequestException(
                          "carrier service sent a PDF without an X-Tracking-Number header"));
      return ReturnLabel.ofPdf(carrier, tracking, body);
    }
    Object parsed;
    try {
      parsed = Json.parse(new String(body, StandardCharsets.UTF_8));
    } catch (Json.MalformedJsonException e) {
      throw new CarrierRequestException(
          "carrier service answered malformed JSON: " + e.getMessage(), e);
    }
    if (!(parsed instanceof Map<?, ?> json)) {
      throw new CarrierRequestException("carrier service answered JSON that is not an object");
    }
    String tracking = string(json, "trackingNumber");
    String url = string(json, "labelUrl");
    String pdf = string(json, "labelPdf");
    if (tracking == null) {
      throw new CarrierRequestException("carrier service answered without a trackingNumber");
    }
    if ((url == null) == (pdf == null)) {
      throw new CarrierRequestException(
          "carrier service must answer exactly one of labelUrl and labelPdf");
    }
    if (url != null) {
      return ReturnLabel.ofUrl(carrier, tracking, url);
    }
    try {
      return ReturnLabel.ofPdf(carrier, tracking, Base64.getDecoder().decode(pdf));
    } catch (IllegalArgumentException e) {
      throw new CarrierRequestException("carrier service answered labelPdf that is not base64", e);
    }
  }

  private static String string(Map<?, ?> json, String key) {
    Object value = json.get(key);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new CarrierRequestException("carrier service answered a non-string " + key);
    }
    return s;
  }

  static String toJson(ReturnLabelRequest r) {
    ReturnAddress a = r.returnAddress();
    String items =
        r.items().stream()
            .map(
                i ->
                    "{\"orderUnitId\":"
                        + i.orderUnitId()
                        + ",\"title\":"
                        + Json.quote(i.title())
                        + ",\"ean\":"
                        + Json.quote(i.ean())
                        + "}")
            .collect(Collectors.joining(",", "[", "]"));
    return "{\"ticketNumber\":"
        + Json.quote(r.ticketNumber())
        + ",\"orderNumber\":"
        + Json.quote(r.orderNumber())
        + ",\"storefront\":"
        + Json.quote(r.storefront())
        + ",\"seller\":{\"name\":"
        + Json.quote(r.sellerName())
        + ",\"returnAddress\":{\"name\":"
        + Json.quote(a.name())
        + ",\"street\":"
        + Json.quote(a.street())
        + ",\"postalCode\":"
        + Json.quote(a.postalCode())
        + ",\"city\":"
        + Json.quote(a.city())
        + ",\"country\":"
        + Json.quote(a.country())
        + "}},\"buyer\":{\"name\":"
        + Json.quote(r.buyerName())
        + "},\"fromCountry\":"
        + Json.quote(r.fromCountry())
        + ",\"toCountry\":"
        + Json.quote(r.toCountry())
        + ",\"items\":"
        + items
        + "}";
  }
}
