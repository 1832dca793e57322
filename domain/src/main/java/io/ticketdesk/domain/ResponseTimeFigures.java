package io.ticketdesk.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The KPI "ticket response time" over the tickets whose first-response deadline fell in a period:
 * how many are judged (answered, or unanswered past the deadline), how many were answered on time,
 * the on-time rate, how many are still unanswered past the deadline (they count as late), the
 * median and 90th percentile of the first-response time in working hours of those answered
 * (nearest-rank percentiles), plus the count of open tickets that are overdue now.
 */
public record ResponseTimeFigures(
    long firstResponses,
    long onTimeFirstResponses,
    long unansweredLate,
    Double onTimeRate,
    Duration medianWorkingTime,
    Duration p90WorkingTime,
    long openOverdue) {

  /**
   * Figures of the given first deadlines as judged at {@code now}: a deadline not yet passed
   * without an answer is not judged yet; rate and percentiles are null when nothing is.
   */
  public static ResponseTimeFigures of(
      Collection<FirstResponse> due, Instant now, long openOverdue) {
    List<FirstResponse> judged = due.stream().filter(r -> r.judgedAt(now)).toList();
    long total = judged.size();
    long onTime = judged.stream().filter(FirstResponse::onTime).count();
    long silent = judged.stream().filter(r -> r.unansweredLateAt(now)).count();
    List<Duration> sorted =
        judged.stream()
            .filter(FirstResponse::answered)
            .map(FirstResponse::workingTime)
            .sorted()
            .toList();
    return new ResponseTimeFigures(
        total,
        onTime,
        silent,
        total == 0 ? null : (double) onTime / total,
        sorted.isEmpty() ? null : nearestRank(sorted, 50),
        sorted.isEmpty() ? null : nearestRank(sorted, 90),
        openOverdue);
  }

  /** The nearest-rank percentile: the smallest value with at least p % of values at or below. */
  static Duration nearestRank(List<Duration> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
