package io.ticketdesk.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A small HTTP client for the tests; every response is checked against openapi.yaml. */
final class ApiClient {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  String base() {
    return base;
  }

  private final ContractValidator contract = new ContractValidator();

  final int port;

  ApiClient(int port) {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
  }

  /** A response: status, headers and the body (parsed when it is JSON). */
  record Response(int status, Map<String, java.util.List<String>> headers, String body) {
    Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    String contentType() {
      return header("Content-Type").orElse("");
    }

    static JsonNode parse(String body) {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String problemType() {
      return json().path("type").asText();
    }
  }

  Response send(String method, String path, String token, String body, Map<String, String> hdrs) {
    return sendBytes(
        method,
        path,
        token,
        body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
        hdrs);
  }

  /**
   * A request with the body as raw bytes (sent as application/json unless {@code hdrs} names a
   * Content-Type), e.g. bytes that are not UTF-8.
   */
  Response sendBytes(
      String method, String path, String token, byte[] body, Map<String, String> hdrs) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    boolean hasContentType =
        hdrs.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Content-Type"));
    if (body != null && !hasContentType) {
      b.header("Content-Type", "application/json");
    }
    hdrs.forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Response response = new Response(r.statusCode(), r.headers().map(), r.body());
      String rawPath = path.split("\\?", 2)[0];
      if (!method.equals("HEAD")) { // HEAD: compared with its GET by the tests that send it
        contract.check(method, rawPath, r.statusCode(), response.contentType(), r.body());
      }
      return response;
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A request with a raw body of the given media type (e.g. a PDF upload). */
  Response postBytes(String path, String token, byte[] body, String contentType) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Response response = new Response(r.statusCode(), r.headers().map(), r.body());
      contract.check(
          "POST", path.split("\\?", 2)[0], r.statusCode(), response.contentType(), r.body());
      return response;
    } catch (IOException e) {
      throw new AssertionError("POST " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A request with headers given several times (each value as a header line of its own). */
  Response sendRepeated(String method, String path, Map<String, java.util.List<String>> hdrs) {
    return sendRepeated(method, path, hdrs, null);
  }

  Response sendRepeated(
      String method, String path, Map<String, java.util.List<String>> hdrs, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    hdrs.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Response response = new Response(r.statusCode(), r.headers().map(), r.body());
      contract.check(
          method, path.split("\\?", 2)[0], r.statusCode(), response.contentType(), r.body());
      return response;
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Response get(String path, String token) {
    return send("GET", path, token, null, Map.of());
  }

  Response post(String path, String token, Object body) {
    return send("POST", path, token, toJson(body), Map.of());
  }

  Response post(String path, String token, Object body, Map<String, String> headers) {
    return send("POST", path, token, toJson(body), headers);
  }

  Response put(String path, String token, Object body) {
    return send("PUT", path, token, toJson(body), Map.of());
  }

  Response patch(String path, String token, Object body) {
    return send("PATCH", path, token, toJson(body), Map.of());
  }

  static String toJson(Object body) {
    if (body == null || body instanceof String) {
      return (String) body;
    }
    try {
      return MAPPER.writeValueAsString(body);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
