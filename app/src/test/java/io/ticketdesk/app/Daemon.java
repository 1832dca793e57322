package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An external daemon (HAProxy, PgBouncer) run by a test in the foreground from a checked-in config
 * template under {@code ops/}, on a random port; its output is kept for failure messages.
 */
final class Daemon implements AutoCloseable {
  private final Process process;
  private final List<String> output = new ArrayList<>();
  final int port;

  private Daemon(Process process, int port) {
    this.process = process;
    this.port = port;
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
  }

  /** The executable on the PATH or in the usual sbin directories, if installed. */
  static Optional<Path> executable(String name) {
    List<String> dirs = new ArrayList<>(List.of("/usr/sbin", "/usr/local/sbin", "/sbin"));
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(0, List.of(path.split(":")));
    }
    return dirs.stream().map(d -> Path.of(d, name)).filter(Files::isExecutable).findFirst();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The template {@code ops/<name>} with its {@code {{placeholders}}} filled in. */
  static String template(String name, Map<String, String> values) throws IOException {
    Path file = Path.of("..", "ops", name);
    String text = Files.readString(file);
    for (var e : values.entrySet()) {
      text = text.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    if (java.util.regex.Pattern.compile("\\{\\{[a-z_]+}}").matcher(text).find()) {
      throw new IllegalStateException("unfilled placeholder in " + file + ":\n" + text);
    }
    return text;
  }

  /** Starts the command and waits until {@code port} accepts connections. */
  static Daemon start(List<String> command, int port) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Daemon d = new Daemon(p, port);
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (true) {
      if (!p.isAlive()) {
        fail(command + " exited with " + p.exitValue() + ":\n" + d.output());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return d;
      } catch (IOException notYet) {
        if (System.nanoTime() > deadline) {
          d.close();
          fail(command + " did not listen on " + port + " within 20 s:\n" + d.output());
        }
        Thread.sleep(100);
      }
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
    if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor();
    }
  }
}
