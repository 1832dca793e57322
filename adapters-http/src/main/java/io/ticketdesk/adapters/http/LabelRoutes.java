package io.ticketdesk.adapters.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.ticketdesk.application.port.in.CreateReturnLabelUseCase;
import io.ticketdesk.application.port.in.DownloadReturnLabelUseCase;
import io.ticketdesk.application.port.in.ListCarriersUseCase;
import io.ticketdesk.domain.Actor;
import io.ticketdesk.domain.OrderUnitId;
import io.ticketdesk.domain.ReturnLabel;
import io.ticketdesk.domain.TicketNumber;
import io.ticketdesk.domain.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Return labels: the loaded carriers, making or uploading a ticket's label, downloading it. */
final class LabelRoutes {
  static final String PDF = "application/pdf";

  private final ListCarriersUseCase listCarriers;
  private final CreateReturnLabelUseCase createReturnLabel;
  private final DownloadReturnLabelUseCase downloadReturnLabel;

  LabelRoutes(HttpDependencies deps) {
    this.listCarriers = requireNonNull(deps.listCarriers(), "listCarriers is null");
    this.createReturnLabel = requireNonNull(deps.createReturnLabel(), "createReturnLabel is null");
    this.downloadReturnLabel =
        requireNonNull(deps.downloadReturnLabel(), "downloadReturnLabel is null");
  }

  record CarrierJson(String carrier, String plugin, String version) {
    static CarrierJson of(ListCarriersUseCase.LoadedCarrier c) {
      return new CarrierJson(c.carrier(), c.plugin(), c.version());
    }
  }

  record CarrierList(List<CarrierJson> items) {}

  record LabelRequest(String carrier, List<Long> orderUnitIds) {}

  record LabelJson(
      long labelId,
      String ticketNumber,
      String carrier,
      String trackingNumber,
      String downloadUrl) {
    static LabelJson of(ReturnLabel l) {
      return new LabelJson(
          l.id(),
          l.ticketNumber().value(),
          l.carrier(),
          l.trackingNumber(),
          l.url().orElse(HttpServer.API + "/return-labels/" + l.id()));
    }
  }

  void carriers(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    Responses.json(
        ctx,
        200,
        new CarrierList(listCarriers.carriers(actor).stream().map(CarrierJson::of).toList()));
  }

  /** JSON {@code {carrier, orderUnitIds}} makes a label; {@code application/pdf} uploads one. */
  void create(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    TicketNumber number = Requests.ticketNumber(ctx);
    ReturnLabel label;
    if (isPdf(ctx.header("Content-Type"))) {
      QueryParams p = QueryParams.of(ctx, Set.of("trackingNumber"));
      String tracking = Requests.required(p.text("trackingNumber"), "trackingNumber");
      byte[] pdf = pdfBytes(ctx);
      label =
          createReturnLabel.upload(
              actor,
              Requests.build(
                  "trackingNumber",
                  () -> new CreateReturnLabelUseCase.Upload(number, tracking, pdf)));
    } else {
      // A carrier makes the label and its tracking number: one given here would be dropped.
      if (!QueryString.of(ctx).isEmpty()) {
        throw Requests.invalid(
            "trackingNumber",
            "trackingNumber is for uploads (Content-Type: application/pdf); a carrier's label"
                + " gets its tracking number from the carrier");
      }
      LabelRequest body = Requests.body(ctx, LabelRequest.class);
      String carrier = Requests.required(body.carrier(), "carrier");
      List<OrderUnitId> units = new ArrayList<>();
      if (body.orderUnitIds() != null) {
        List<Long> ids = Requests.requiredList(body.orderUnitIds(), "orderUnitIds");
        for (int i = 0; i < ids.size(); i++) {
          long id = ids.get(i);
          units.add(Requests.build("orderUnitIds[" + i + "]", () -> OrderUnitId.of(id)));
        }
      }
      label =
          createReturnLabel.create(
              actor,
              Requests.build(
                  "carrier", () -> new CreateReturnLabelUseCase.Command(number, carrier, units)));
    }
    ctx.header("Location", HttpServer.API + "/return-labels/" + label.id());
    Responses.json(ctx, 201, LabelJson.of(label));
  }

  void download(Context ctx) {
    Actor actor = Authentication.actor(ctx);
    long id = labelId(ctx.pathParam("labelId"));
    ReturnLabel label = downloadReturnLabel.label(actor, id);
    if (label.url().isPresent()) {
      ctx.status(303).header("Location", label.url().get());
      return;
    }
    ctx.status(200)
        .contentType(PDF)
        .header("Content-Disposition", "inline; filename=\"return-label-" + id + ".pdf\"")
        .result(label.pdf());
  }

  private static long labelId(String value) {
    try {
      long id = Long.parseLong(value);
      if (id < 1 || id > Validation.MAX_EXACT_INTEGER) {
        throw new NumberFormatException();
      }
      return id;
    } catch (NumberFormatException e) {
      throw Requests.invalid(
          "labelId",
          "labelId must be a positive number of at most " + Validation.MAX_EXACT_INTEGER);
    }
  }

  private static boolean isPdf(String contentType) {
    return contentType != null
        && contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(PDF);
  }

  private static byte[] pdfBytes(Context ctx) {
    if (ctx.req().getContentLengthLong() > ReturnLabel.MAX_PDF_BYTES) {
      throw tooLarge();
    }
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(ReturnLabel.MAX_PDF_BYTES + 1);
      if (bytes.length > ReturnLabel.MAX_PDF_BYTES) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpProblem tooLarge() {
    return new HttpProblem(
        413,
        "payload-too-large",
        "a label PDF is at most " + ReturnLabel.MAX_PDF_BYTES + " bytes (5 MiB)",
        Map.of("maxBytes", ReturnLabel.MAX_PDF_BYTES));
  }
}
