package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real fat jar started as a separate process, and a small HTTP client for it. */
final class RunningJar implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final List<String> output = new ArrayList<>();
  final String base;

  RunningJar(Map<String, String> env, String... extraArgs) throws Exception {
    Path jar = Path.of("target", "ticketdesk.jar");
    assertTrue(Files.exists(jar), "the fat jar is built before the integration tests: " + jar);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(java, "-jar", jar.toString(), "serve", "--port", String.valueOf(port)));
    cmd.addAll(List.of(extraArgs));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("TICKETDESK_"));
    pb.environment().putAll(env);
    process = pb.start();
    Thread drain =
        new Thread(
            () -> {
              try (var r = process.inputReader()) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (output) {
                    output.add(line);
                  }
                }
              } catch (IOException ignored) {
                // the process ended
              }
            });
    drain.setDaemon(true);
    drain.start();
    base = "http://127.0.0.1:" + port;
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (true) {
      if (!process.isAlive()) {
        fail("the server exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/ready")).build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          break;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        fail("the server did not become ready within 240 s:\n" + output());
      }
      Thread.sleep(200);
    }
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  JsonNode call(String method, String path, String token, String body, int expected)
      throws Exception {
    return call(method, path, token, body, expected, Map.of());
  }

  JsonNode call(
      String method,
      String path,
      String token,
      String body,
      int expected,
      Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    headers.forEach(b::header);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(expected, r.statusCode(), method + " " + path + " answered " + r.body());
    if (r.statusCode() >= 400) {
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
          "errors are problem+json");
    }
    return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
  }

  /** Kills the server with SIGKILL (no shutdown hooks, no flushing) and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
