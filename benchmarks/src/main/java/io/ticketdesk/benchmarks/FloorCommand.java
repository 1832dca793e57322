package io.ticketdesk.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The floor: the SQL each scenario makes the server send, driven by pgbench at the same concurrency
 * on the same machine, so the API figures read as a ratio to what PostgreSQL alone can do here.
 *
 * <p>Before each run it stores the targets in a helper table {@code bench_floor_<scenario>} ({@link
 * FloorTargets}) (dropped afterwards): one row per target with the seller, its token hash, the
 * ticket, its order, whether it is a return request (reply: the seller's answer offers a return
 * option), the unit a refund takes from with its currency, and, as array literals, the distinct
 * order numbers of the page the scenario's ticket query returns ({@code ba}: their order numbers;
 * no script reads them since the names ride in the ticket statement) and its return-policy keys
 * ({@code pa}, {@code aa}). Each keyed read binds one array, as the server does ({@code =
 * ANY(:ba::varchar[])}): a list of single parameters gets another generic plan (on 2026-12-05, with
 * V26, one that read every order of the seller). The script picks a row with {@code \set i
 * random(…)} and {@code \gset} — one extra primary-key lookup per transaction that the server does
 * not make.
 */
@Command(
    name = "floor",
    mixinStandardHelpOptions = true,
    description =
        "Run each scenario's SQL with pgbench (prepared statements, same concurrency) and print"
            + " the floor beside the API figures.")
final class FloorCommand implements Callable<Integer> {
  @Option(
      names = "--db-url",
      defaultValue = "${env:TICKETDESK_DB_URL}",
      description = "PostgreSQL JDBC URL of the generated database.")
  String dbUrl;

  @Option(names = "--db-user", defaultValue = "${env:TICKETDESK_DB_USER}")
  String dbUser;

  @Option(names = "--db-password", defaultValue = "${env:TICKETDESK_DB_PASSWORD}")
  String dbPassword;

  @Option(names = "--manifest", defaultValue = "bench-manifest.tsv")
  Path manifest;

  @Option(names = "--pgbench", defaultValue = "pgbench")
  String pgbench;

  @Option(names = "--concurrency", defaultValue = "16")
  int concurrency;

  @Option(names = "--threads", defaultValue = "2", description = "pgbench -j")
  int threads;

  @Option(names = "--duration", defaultValue = "60s")
  String duration;

  @Option(names = "--warmup", defaultValue = "15s")
  String warmup;

  @Option(names = "--targets", defaultValue = "5000", description = "Targets per scenario.")
  int targets;

  @Option(
      names = "--scenario",
      defaultValue = "all",
      split = ",",
      description = "all, lookup, search, inbox, filter, reply, refund")
  List<String> scenarios;

  @Option(names = "--api-results", description = "The TSV of load --out, printed beside.")
  Path apiResults;

  @Option(names = "--out", description = "Write the combined table (Markdown) here too.")
  Path out;

  @Option(names = "--keep-scripts", description = "Keep the pgbench scripts in this directory.")
  Path scriptDir;

  /** A pgbench result. */
  record Floor(String scenario, double tps, Histogram histogram, long failed) {
    double ms(double p) {
      return histogram.getValueAtPercentile(p) / 1000.0;
    }
  }

  @Override
  public Integer call() throws Exception {
    Manifest m = Manifest.read(manifest);
    List<Scenario> list = Scenario.parse(scenarios);
    Map<String, String[]> api = readApi();
    Path dir = scriptDir != null ? scriptDir : Files.createTempDirectory("ticketdesk-floor");
    Files.createDirectories(dir);
    List<Floor> floors = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(dbUrl, dbUser, dbPassword)) {
      for (Scenario scenario : list) {
        int n = FloorTargets.store(c, m, scenario, targets);
        Path script = dir.resolve(scenario.wire() + ".sql");
        Files.writeString(script, FloorScripts.script(scenario), StandardCharsets.UTF_8);
        System.err.printf(
            "floor %s: %d targets, pgbench -c %d -j %d, warm-up %s, measuring %s …%n",
            scenario.wire(), n, concurrency, threads, warmup, duration);
        runPgbench(script, n, LoadCommand.parse(warmup), null);
        Path logs = Files.createTempDirectory(dir, "log-" + scenario.wire());
        Floor f = runPgbench(script, n, LoadCommand.parse(duration), logs);
        Floor named = new Floor(scenario.wire(), f.tps(), f.histogram(), f.failed());
        floors.add(named);
        System.err.printf(
            "floor %s: %,.0f tps, p50 %.2f ms, p99 %.2f ms%n",
            scenario.wire(), named.tps(), named.ms(50), named.ms(99));
        try (Statement st = c.createStatement()) {
          st.execute("DROP TABLE IF EXISTS bench_floor_" + scenario.wire());
        }
      }
    }
    String table = table(floors, api);
    System.out.println();
    System.out.print(table);
    if (out != null) {
      Files.writeString(out, table, StandardCharsets.UTF_8);
    }
    return 0;
  }

  private Map<String, String[]> readApi() throws IOException {
    Map<String, String[]> api = new LinkedHashMap<>();
    if (apiResults != null && Files.exists(apiResults)) {
      for (String line : Files.readAllLines(apiResults)) {
        String[] f = line.split("\t");
        if (!f[0].equals("scenario")) {
          api.put(f[0], f);
        }
      }
    }
    return api;
  }

  String table(List<Floor> floors, Map<String, String[]> api) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Concurrency %d. API = HTTP through the server; floor = the same SQL by pgbench"
                + " (-M prepared). Latencies in ms.%n%n",
            concurrency));
    sb.append(
        "| scenario | API req/s | API p50 | API p95 | API p99 | floor tps | floor p50 | floor p95 |"
            + " floor p99 | API/floor throughput | API p99 − floor p99 |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Floor f : floors) {
      String[] a = api.get(f.scenario());
      double apiTps = a == null ? Double.NaN : Double.parseDouble(a[1]);
      double apiP99 = a == null ? Double.NaN : Double.parseDouble(a[4]);
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %s | %s |%n",
              f.scenario(),
              a == null ? "–" : String.format(Locale.ROOT, "%.0f", apiTps),
              a == null ? "–" : String.format(Locale.ROOT, "%.2f", Double.parseDouble(a[2])),
              a == null ? "–" : String.format(Locale.ROOT, "%.2f", Double.parseDouble(a[3])),
              a == null ? "–" : String.format(Locale.ROOT, "%.2f", apiP99),
              f.tps(),
              f.ms(50),
              f.ms(95),
              f.ms(99),
              a == null ? "–" : String.format(Locale.ROOT, "%.0f %%", 100 * apiTps / f.tps()),
              a == null ? "–" : String.format(Locale.ROOT, "%+.2f", apiP99 - f.ms(99))));
    }
    return sb.toString();
  }

  private Floor runPgbench(Path script, int n, Duration time, Path logDir) throws Exception {
    URI uri = URI.create(dbUrl.substring("jdbc:".length()));
    String db = uri.getPath().substring(1);
    List<String> cmd =
        new ArrayList<>(
            List.of(
                pgbench,
                "-n",
                "-h",
                uri.getHost(),
                "-p",
                Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U",
                dbUser,
                "-c",
                Integer.toString(concurrency),
                "-j",
                Integer.toString(threads),
                "-T",
                Long.toString(Math.max(1, time.toSeconds())),
                "-M",
                "prepared",
                "-D",
                "ntargets=" + n,
                "-f",
                script.toString()));
    if (logDir != null) {
      cmd.add("-l");
      cmd.add("--log-prefix=" + logDir.resolve("tx"));
    }
    cmd.add(db);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (dbPassword != null) {
      pb.environment().put("PGPASSWORD", dbPassword);
    }
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException("pgbench failed (" + rc + "):\n" + output);
    }
    if (logDir == null) {
      return null;
    }
    Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial").matcher(output);
    Matcher failed = Pattern.compile("number of failed transactions: (\\d+)").matcher(output);
    Histogram h = new Histogram(60_000_000L, 3);
    try (Stream<Path> files = Files.list(logDir)) {
      for (Path f : files.toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] fields = line.split(" ");
          if (fields.length >= 3) {
            h.recordValue(Math.max(1, Long.parseLong(fields[2])));
          }
        }
      }
    }
    double rate =
        tps.find() ? Double.parseDouble(tps.group(1)) : h.getTotalCount() / time.toSeconds();
    return new Floor(
        script.getFileName().toString(),
        rate,
        h,
        failed.find() ? Long.parseLong(failed.group(1)) : 0);
  }
}
