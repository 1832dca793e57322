package io.ticketdesk.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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

/** The real server (app/target/ticketdesk.jar) in its own process on a free port. */
final class RunningServer implements AutoCloseable {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final List<String> output = new ArrayList<>();
  final String base;

  /** Runs {@code java -jar ticketdesk.jar serve --port <free> args...} with this environment. */
  RunningServer(Map<String, String> env, String... args) throws Exception {
    Path jar = Path.of(System.getProperty("ticketdesk.jar", "../app/target/ticketdesk.jar"));
    assertTrue(Files.exists(jar), "the server jar is built before this test: " + jar);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar.toString(), "serve"));
    cmd.addAll(List.of("--port", String.valueOf(port)));
    cmd.addAll(List.of(args));
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
    while (!ready()) {
      if (!process.isAlive()) {
        fail("the server exited with " + process.exitValue() + ":\n" + output());
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        fail("the server did not become ready within 240 s:\n" + output());
      }
      Thread.sleep(200);
    }
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private boolean ready() throws InterruptedException {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(base + "/ready")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException notYet) {
      return false;
    }
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }
}
