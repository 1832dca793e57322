package io.ticketdesk.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a resource through the generated client and checks that nothing was lost: the model,
 * written back as JSON, equals the server's own JSON for the same request (numbers exactly,
 * instants as instants, every field kept).
 */
final class LosslessReads {
  interface Call<T> {
    T call() throws Exception;
  }

  private static final ObjectMapper RAW = new ObjectMapper();
  private final String base;
  private final ObjectMapper clientMapper;

  /** How many reads were compared, per operation. */
  final Map<String, Integer> compared = new TreeMap<>();

  LosslessReads(String base, ObjectMapper clientMapper) {
    this.base = base;
    this.clientMapper = clientMapper;
  }

  <T> T read(String operation, String token, String path, Call<T> call) throws Exception {
    T model = call.call();
    HttpResponse<String> raw =
        RunningServer.HTTP.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, raw.statusCode(), path + ": " + raw.body());
    List<String> losses = new ArrayList<>();
    diff("", RAW.readTree(raw.body()), clientMapper.valueToTree(model), losses);
    assertEquals(
        List.of(), losses, operation + " " + path + " lost data; server sent " + raw.body());
    compared.merge(operation, 1, Integer::sum);
    return model;
  }

  int total() {
    return compared.values().stream().mapToInt(Integer::intValue).sum();
  }

  static void diff(String at, JsonNode sent, JsonNode read, List<String> losses) {
    if (read == null || read.isMissingNode()) {
      if (!sent.isNull()) {
        losses.add(at + ": " + sent + " was dropped");
      }
      return;
    }
    if (sent.isObject()) {
      if (!read.isObject()) {
        losses.add(at + ": object read as " + read);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
        var field = it.next();
        diff(at + "/" + field.getKey(), field.getValue(), read.get(field.getKey()), losses);
      }
      read.fieldNames()
          .forEachRemaining(
              name -> {
                if (!sent.has(name) && !read.get(name).isNull()) {
                  losses.add(at + "/" + name + ": invented " + read.get(name));
                }
              });
    } else if (sent.isArray()) {
      if (!read.isArray() || read.size() != sent.size()) {
        losses.add(at + ": " + sent + " read as " + read);
        return;
      }
      for (int i = 0; i < sent.size(); i++) {
        diff(at + "[" + i + "]", sent.get(i), read.get(i), losses);
      }
    } else if (sent.isIntegralNumber()) {
      if (!read.isIntegralNumber() || !sent.bigIntegerValue().equals(read.bigIntegerValue())) {
        losses.add(at + ": " + sent + " read as " + read);
      }
    } else if (sent.isNumber()) {
      if (!read.isNumber() || sent.decimalValue().compareTo(read.decimalValue()) != 0) {
        losses.add(at + ": " + sent + " read as " + read);
      }
    } else if (sent.isTextual()) {
      if (!read.isTextual()
          || !(sent.asText().equals(read.asText()) || sameInstant(sent.asText(), read.asText()))) {
        losses.add(at + ": " + sent + " read as " + read);
      }
    } else if (!sent.equals(read)) {
      losses.add(at + ": " + sent + " read as " + read);
    }
  }

  private static boolean sameInstant(String a, String b) {
    try {
      return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
