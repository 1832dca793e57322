package io.ticketdesk.benchmarks;

import java.io.PrintStream;

/** A one-line progress bar on standard error, redrawn at most a few times a second. */
final class Progress {
  private static final int WIDTH = 40;
  private final PrintStream out;
  private final String what;
  private final long total;
  private final long startNanos = System.nanoTime();
  private long lastDraw;

  Progress(PrintStream out, String what, long total) {
    this.out = out;
    this.what = what;
    this.total = Math.max(1, total);
  }

  synchronized void update(long done) {
    long now = System.nanoTime();
    if (done < total && now - lastDraw < 250_000_000L) {
      return;
    }
    lastDraw = now;
    double fraction = Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = (now - startNanos) / 1e9;
    double rate = done / Math.max(seconds, 1e-3);
    double eta = done == 0 ? 0 : (total - done) / Math.max(rate, 1e-3);
    out.printf(
        "\r%s [%s%s] %3.0f%% %,d/%,d  %,.0f/s  %.0fs elapsed, ~%.0fs left ",
        what,
        "#".repeat(filled),
        " ".repeat(WIDTH - filled),
        fraction * 100,
        done,
        total,
        rate,
        seconds,
        eta);
    if (done >= total) {
      out.println();
    }
    out.flush();
  }

  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
