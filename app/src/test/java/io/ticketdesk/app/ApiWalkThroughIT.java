package io.ticketdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The curl walk-through of docs/api.md, run as written against the real jar: every {@code bash}
 * block of the section, in order, under {@code set -euo pipefail} (so every variable must be
 * defined), and each response's status checked against the status the comment after the command
 * names (a command without one must succeed with 2xx).
 */
class ApiWalkThroughIT {
  static final Path DOC = Path.of("..", "docs", "api.md");
  static final String SECTION = "## Walk-through with curl";
  static final String NOT_RUN = "<!-- walk-through: not run";
  static final String SERVER = "http://localhost:7070";
  private static final Pattern EXPECTED = Pattern.compile("^#\\s+(?:HTTP/1\\.1\\s+)?(\\d{3})\\b");

  /** The bash blocks of the walk-through section, except those marked as not run. */
  static List<String> blocks(List<String> doc) {
    return blocks(doc, SECTION);
  }

  /** The bash blocks of a doc's {@code section}, except those marked as not run. */
  static List<String> blocks(List<String> doc, String section) {
    int start = doc.indexOf(section);
    assertTrue(start >= 0, "the doc has the section " + section);
    List<String> blocks = new ArrayList<>();
    String previous = "";
    for (int i = start + 1; i < doc.size(); i++) {
      String line = doc.get(i);
      if (line.startsWith("## ")) {
        break;
      }
      if (line.equals("```bash")) {
        int end = i + 1;
        while (!doc.get(end).equals("```")) {
          end++;
        }
        if (!previous.startsWith(NOT_RUN)) {
          blocks.add(String.join("\n", doc.subList(i + 1, end)));
        }
        i = end;
      }
      if (!line.isBlank()) {
        previous = line;
      }
    }
    return blocks;
  }

  /** Per curl command in order: the status its comment names, or null when it names none. */
  static List<Integer> expectedStatuses(String script) {
    List<Integer> expected = new ArrayList<>();
    for (String line : script.split("\n")) {
      String l = line.strip();
      if (l.startsWith("#")) {
        Matcher m = EXPECTED.matcher(l);
        int last = expected.size() - 1;
        if (m.find() && last >= 0 && expected.get(last) == null) {
          expected.set(last, Integer.parseInt(m.group(1)));
        }
      } else if (l.matches("(.*\\$\\()?curl .*")) {
        expected.add(null);
      }
    }
    return expected;
  }

  private static boolean available(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", "command -v " + command).start();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  @Test
  void theCurlWalkThroughRunsAsWritten(@TempDir Path dir) throws Exception {
    boolean tools;
    try {
      tools = available("bash") && available("curl");
    } catch (java.io.IOException e) {
      tools = false;
    }
    if (!tools) {
      System.err.println(
          "\n*** SKIPPING the docs/api.md walk-through: bash or curl is not installed ***\n");
      Assumptions.abort("bash or curl missing");
    }
    List<String> blocks = blocks(Files.readAllLines(DOC));
    String walk = String.join("\n\n", blocks);
    assertTrue(walk.contains("BASE=" + SERVER + "/api/v1"), "the walk-through defines BASE");
    List<Integer> expected = expectedStatuses(walk);
    Path data = Files.createDirectories(dir.resolve("data"));
    Map<String, String> env =
        Map.of(
            "TICKETDESK_DATA_DIR", data.toString(),
            "TICKETDESK_ADMIN_TOKEN", "admin-secret",
            "TICKETDESK_CLOCK", "2026-03-05T09:00:00Z",
            // The script fires its requests faster than a person pasting them.
            "TICKETDESK_RATE_LIMIT", "0");
    try (RunningJar jar = new RunningJar(env)) {
      Path work = Files.createDirectories(dir.resolve("work"));
      List<String> statuses = runChecked(dir, work, walk.replace(SERVER, jar.base), expected);
      System.out.println(
          "WALK-THROUGH docs/api.md: "
              + blocks.size()
              + " blocks, "
              + statuses.size()
              + " curl calls, "
              + expected.stream().filter(e -> e != null).count()
              + " statuses checked");
    }
  }

  /**
   * Runs {@code walk} with {@code bash} in {@code work} under {@code set -euo pipefail}, every curl
   * call's status recorded (and background jobs ended on exit); checks that it succeeded and that
   * each status is the one {@code expected} names (else a 2xx). Returns the statuses; the output is
   * in {@code dir/output.txt}.
   */
  static List<String> runChecked(Path dir, Path work, String walk, List<Integer> expected)
      throws Exception {
    String script =
        String.join(
            "\n",
            "set -euo pipefail",
            "trap 'kill $(jobs -p) 2>/dev/null || true' EXIT",
            "curl() {",
            "  : > \"$WALK_DIR/headers\"",
            "  command curl -D \"$WALK_DIR/headers\" \"$@\"",
            "  grep -E '^HTTP/' \"$WALK_DIR/headers\" | tail -1 | cut -d' ' -f2"
                + " >> \"$WALK_DIR/statuses\"",
            "}",
            walk,
            "");
    Path file = dir.resolve("walk-through.sh");
    Files.writeString(file, script);
    ProcessBuilder run =
        new ProcessBuilder("bash", file.toString())
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("output.txt").toFile());
    run.environment().put("WALK_DIR", dir.toString());
    Process bash = run.start();
    bash.getOutputStream().close();
    assertTrue(bash.waitFor(5, TimeUnit.MINUTES), "the walk-through finished in 5 minutes");
    String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
    assertEquals(0, bash.exitValue(), "the walk-through failed:\n" + output);
    Files.writeString(
        dir.resolve("statuses"),
        "",
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    List<String> statuses = Files.readAllLines(dir.resolve("statuses"));
    assertEquals(expected.size(), statuses.size(), "one status per curl:\n" + output);
    for (int i = 0; i < statuses.size(); i++) {
      int status = Integer.parseInt(statuses.get(i).strip());
      Integer want = expected.get(i);
      if (want != null) {
        assertEquals(want, status, "curl #" + (i + 1) + " answered " + status + ":\n" + output);
      } else {
        assertTrue(
            status >= 200 && status < 300,
            "curl #" + (i + 1) + " answered " + status + ":\n" + output);
      }
    }
    return statuses;
  }
}
