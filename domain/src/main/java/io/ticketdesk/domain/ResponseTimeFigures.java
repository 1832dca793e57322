package io.ticketdesk.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The KPI "ticket response time" over a set of first responses: how many, how many on time, the
 * on-time rate, and the median and 90th percentile of the first-response time in working hours
 * (nearest-rank percentiles), plus the count of open tickets that are overdue.
 */
public record ResponseTimeFigures(
    long firstResponses,
    long onTimeFirstResponses,
    Double onTimeRate,
    Duration medianWorkingTime,
    Duration p90WorkingTime,
    long openOverdue) {

  /** Figures of the given first responses; rate and percentiles are null when there are none. */
  public static ResponseTimeFigures of(Collection<FirstResponse> responses, long openOverdue) {
    long total = responses.size();
    long onTime = responses.stream().filter(FirstResponse::onTime).count();
    if (total == 0) {
      return new ResponseTimeFigures(0, 0, null, null, null, openOverdue);
    }
    List<Duration> sorted = responses.stream().map(FirstResponse::workingTime).sorted().toList();
    return new ResponseTimeFigures(
        total,
        onTime,
        (double) onTime / total,
        nearestRank(sorted, 50),
        nearestRank(sorted, 90),
        openOverdue);
  }

  /** The nearest-rank percentile: the smallest value with at least p % of values at or below. */
  static Duration nearestRank(List<Duration> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(rank, 1) - 1);
  }
}
