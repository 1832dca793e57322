package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.MeasureResponseTimeUseCase;
import io.ticketdesk.domain.ResponseTimeFigures;
import io.ticketdesk.domain.SellerId;
import io.ticketdesk.domain.Storefront;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The service-performance KPIs. */
final class KpiRoutes {
  private static final Set<String> PARAMS = Set.of("week", "from", "to", "storefront", "sellerId");

  private final MeasureResponseTimeUseCase measure;

  KpiRoutes(MeasureResponseTimeUseCase measure) {
    this.measure = requireNonNull(measure, "measure is null");
  }

  void responseTime(Context ctx) {
    QueryParams p = QueryParams.of(ctx, PARAMS);
    Long sellerId = p.longValue("sellerId");
    if (sellerId != null) {
      Requests.build("sellerId", () -> SellerId.of(sellerId)); // 1 to 2^53 - 1, else 400
    }
    var report =
        measure.measure(
            Authentication.actor(ctx),
            new MeasureResponseTimeUseCase.Query(
                sellerId,
                p.parse("storefront", Storefront::of),
                p.text("week"),
                p.date("from"),
                p.date("to")));
    Map<String, FiguresJson> by = new LinkedHashMap<>();
    report.byStorefront().forEach((sf, f) -> by.put(sf.code(), FiguresJson.of(f)));
    Responses.json(
        ctx,
        200,
        new ReportJson(
            report.seller() == null ? null : report.seller().value(),
            report.week(),
            report.from(),
            report.to(),
            FiguresJson.of(report.overall()),
            by));
  }

  /** The KPI report as JSON. */
  record ReportJson(
      Long sellerId,
      String week,
      LocalDate from,
      LocalDate to,
      FiguresJson overall,
      Map<String, FiguresJson> byStorefront) {}

  /** One set of figures; hours are working hours with two decimals. */
  record FiguresJson(
      long firstResponses,
      long onTimeFirstResponses,
      long unansweredLate,
      Double onTimeRate,
      Double medianWorkingHours,
      Double p90WorkingHours,
      long openOverdue) {
    static FiguresJson of(ResponseTimeFigures f) {
      return new FiguresJson(
          f.firstResponses(),
          f.onTimeFirstResponses(),
          f.unansweredLate(),
          f.onTimeRate() == null ? null : Math.round(f.onTimeRate() * 10_000) / 10_000.0,
          hours(f.medianWorkingTime()),
          hours(f.p90WorkingTime()),
          f.openOverdue());
    }

    private static Double hours(Duration d) {
      return d == null ? null : Math.round(d.toSeconds() / 36.0) / 100.0;
    }
  }
}
