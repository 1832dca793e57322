package io.ticketdesk.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.ticketdesk.application.port.in.IdempotencyKey;
import io.ticketdesk.domain.DomainException;
import io.ticketdesk.domain.ErrorCode;
import io.ticketdesk.domain.Language;
import io.ticketdesk.domain.Money;
import io.ticketdesk.domain.TicketNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Reads requests strictly: JSON bodies, path and query parameters, If-Match, Idempotency-Key. */
final class Requests {
  static final int MAX_BODY_BYTES = 1024 * 1024;
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private Requests() {}

  static DomainException invalid(String field, String detail) {
    return new DomainException(ErrorCode.VALIDATION, detail, Map.of("field", field));
  }

  static <T> T required(T value, String field) {
    if (value == null) {
      throw invalid(field, field + " is required");
    }
    return value;
  }

  static <T> List<T> requiredList(List<T> values, String field) {
    required(values, field);
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw invalid(field + "[" + i + "]", field + "[" + i + "] must not be null");
      }
    }
    return values;
  }

  /** Parses a value with a domain factory; a refusal names the request field. */
  static <T> T parse(String value, String field, Function<String, T> factory) {
    if (value == null) {
      return null;
    }
    try {
      return factory.apply(value);
    } catch (DomainException e) {
      // The adapter knows where in the request the value came from (e.g. units[0].state).
      throw new DomainException(e.code(), e.getMessage(), withField(e.details(), field));
    }
  }

  /** Runs a domain constructor; a refusal without a field is attributed to {@code field}. */
  static <T> T build(String field, java.util.function.Supplier<T> factory) {
    try {
      return factory.get();
    } catch (DomainException e) {
      if (e.details().containsKey("field") || e.code() != ErrorCode.VALIDATION) {
        throw e;
      }
      throw new DomainException(e.code(), e.getMessage(), withField(e.details(), field));
    }
  }

  /**
   * Money from a request; a refusal names {@code prefix.amount} or {@code prefix.currency} (e.g. an
   * amount above 2^53 - 1, or an unknown currency).
   */
  static Money money(String prefix, long amount, String currency) {
    try {
      return Money.of(amount, currency);
    } catch (DomainException e) {
      if (e.code() != ErrorCode.VALIDATION) {
        throw e;
      }
      Object part = e.details().getOrDefault("field", "currency");
      throw new DomainException(
          e.code(), e.getMessage(), withField(e.details(), prefix + "." + part));
    }
  }

  private static Map<String, Object> withField(Map<String, Object> details, String field) {
    var copy = new java.util.HashMap<>(details);
    copy.put("field", field);
    return copy;
  }

  /** The earliest instant a request may carry (inclusive). */
  static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  /** The first instant after the latest a request may carry (years 2000 to 2100). */
  static final Instant END = Instant.parse("2101-01-01T00:00:00Z");

  /**
   * An RFC 3339 date-time with offset (e.g. 2026-01-05T10:00:00Z) in the years 2000 to 2100 (UTC):
   * far-off instants overflow deadline and period arithmetic and do not fit every database.
   */
  static Instant instant(String value, String field) {
    if (value == null) {
      return null;
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException e) { // DateTimeParseException, or beyond Instant's range
      throw invalid(
          field,
          field
              + " must be an RFC 3339 date-time such as 2026-01-05T10:00:00Z, got '"
              + abbreviate(value)
              + "'");
    }
    if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
      throw outOfRange(field, value);
    }
    return instant;
  }

  static DomainException outOfRange(String field, String value) {
    return invalid(
        field,
        field
            + " must lie in the years 2000 to 2100 (from 2000-01-01T00:00:00Z to"
            + " 2100-12-31T23:59:59.999999Z), got '"
            + abbreviate(value)
            + "'");
  }

  static TicketNumber ticketNumber(Context ctx) {
    return parse(ctx.pathParam("ticketNumber"), "ticketNumber", TicketNumber::of);
  }

  /** The JSON body as the given record; refuses other media types, oversize and bad JSON. */
  static <T> T body(Context ctx, Class<T> type) {
    byte[] bytes = jsonBytes(ctx);
    try {
      T value = Json.MAPPER.readValue(bytes, type);
      if (value == null) {
        throw invalid("body", "the body must be a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw translate(e);
    } catch (IOException e) {
      // The bytes are in memory: this is undecodable text (e.g. bytes that look like UTF-32).
      throw invalid("body", "the body is not JSON text in UTF-8");
    }
  }

  /** The JSON body as the given record, or null when the request has no body at all. */
  static <T> T optionalBody(Context ctx, Class<T> type) {
    boolean chunked = ctx.header("Transfer-Encoding") != null;
    if (!chunked && ctx.req().getContentLengthLong() <= 0) {
      return null;
    }
    return body(ctx, type);
  }

  /** The JSON body as a tree, for PATCH where an explicit null differs from an absent field. */
  static JsonNode bodyTree(Context ctx) {
    byte[] bytes = jsonBytes(ctx);
    try {
      JsonNode node = Json.MAPPER.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw invalid("body", "the body must be a JSON object");
      }
      checkText(node, "");
      return node;
    } catch (JsonProcessingException e) {
      throw translate(e);
    } catch (IOException e) {
      // The bytes are in memory: this is undecodable text (e.g. bytes that look like UTF-32).
      throw invalid("body", "the body is not JSON text in UTF-8");
    }
  }

  /** Every text in a JSON tree (names and string values) against {@link RequestText}. */
  private static void checkText(JsonNode node, String path) {
    if (node.isTextual()) {
      RequestText.check(node.textValue(), path.isEmpty() ? "body" : path);
    } else if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        String name = field.getKey();
        if (RequestText.firstForbidden(name) >= 0) {
          RequestText.check(name, path.isEmpty() ? "body" : path);
        }
        checkText(field.getValue(), path.isEmpty() ? name : path + "." + name);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        checkText(node.get(i), path + "[" + i + "]");
      }
    }
  }

  static void rejectUnknownFields(JsonNode node, Set<String> known) {
    node.fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                throw invalid(
                    name,
                    "unknown field '"
                        + abbreviate(name)
                        + "'; known fields: "
                        + String.join(", ", known.stream().sorted().toList()));
              }
            });
  }

  private static byte[] jsonBytes(Context ctx) {
    String contentType = ctx.header("Content-Type");
    if (!isJson(contentType)) {
      throw new HttpProblem(
          415,
          "unsupported-media-type",
          "send the body as application/json"
              + (contentType == null ? "" : ", not " + abbreviate(contentType)));
    }
    long declared = ctx.req().getContentLengthLong();
    try (InputStream in = ctx.req().getInputStream()) {
      if (declared > MAX_BODY_BYTES) {
        throw tooLarge(ctx, in);
      }
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw tooLarge(ctx, in);
      }
      if (bytes.length == 0) {
        throw invalid("body", "a JSON body is required");
      }
      requireUtf8(bytes);
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a slow or vanished client: Problems answers 408
    }
  }

  /**
   * Refuses bytes that are not well-formed UTF-8: overlong forms ({@code C0 BC} for {@code <}),
   * encoded surrogates, truncated sequences. Jackson would decode some of them leniently, so that
   * {@code \xc0\xbcscript\xc0\xbe} were stored as {@code <script>}.
   */
  static void requireUtf8(byte[] bytes) {
    int i = 0;
    while (i < bytes.length && bytes[i] >= 0) {
      i++;
    }
    if (i == bytes.length) {
      return; // ASCII, the usual case
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, i, bytes.length - i));
    } catch (CharacterCodingException e) {
      throw invalid("body", "the body is not valid UTF-8 (e.g. an overlong or truncated sequence)");
    }
  }

  /**
   * Refuses an oversized body. A moderately oversized body is read and discarded first, so the
   * client finishes sending and reliably receives the 413; beyond that the connection is closed.
   */
  private static HttpProblem tooLarge(Context ctx, InputStream in) {
    try {
      long drained = 0;
      byte[] sink = new byte[64 * 1024];
      int n;
      while (drained < MAX_DRAINED_BYTES && (n = in.read(sink)) > 0) {
        drained += n;
      }
    } catch (IOException ignored) {
      // the client went away; the answer below is best effort
    }
    ctx.header("Connection", "close");
    return tooLarge();
  }

  private static final long MAX_DRAINED_BYTES = 16L * 1024 * 1024;

  private static HttpProblem tooLarge() {
    return new HttpProblem(
        413,
        "payload-too-large",
        "the body exceeds " + MAX_BODY_BYTES + " bytes (1 MiB)",
        Map.of("maxBytes", MAX_BODY_BYTES));
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String media = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    return media.equals("application/json");
  }

  private static DomainException translate(JsonProcessingException e) {
    if (e instanceof Json.ForbiddenText f) {
      return RequestText.refusal(path(f), f.character, f.index);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String field = path(u);
      return invalid(field, "unknown field '" + abbreviate(field) + "'");
    }
    if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
      String field = path(m);
      return invalid(
          field, field + " has the wrong JSON type; expected " + expected(m.getTargetType()));
    }
    if (e instanceof MismatchedInputException) {
      return invalid("body", "the body must be a JSON object");
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      String field = path(m);
      String original = String.valueOf(m.getOriginalMessage());
      return invalid(
          field,
          original.contains("CTRL-CHAR")
              ? field
                  + " is not valid JSON text: escape control characters such as line breaks (\\n)"
              : field + " is not valid");
    }
    return invalid("body", "the body is not valid JSON: " + abbreviate(e.getOriginalMessage()));
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "body" : sb.toString();
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
      return "an integer number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    String oneLine = s.replaceAll("[\\r\\n]+", " ");
    return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
  }

  /**
   * The expected version from {@code If-Match}: {@code "3"}, {@code 3} or {@code W/"3"}; null for
   * {@code *} or no header.
   */
  static Long expectedVersion(Context ctx) {
    String header = ctx.header("If-Match");
    if (header == null || header.strip().equals("*")) {
      return null;
    }
    String v = header.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    try {
      long version = Long.parseLong(v);
      if (version < 1) {
        throw new NumberFormatException();
      }
      return version;
    } catch (NumberFormatException e) {
      throw invalid(
          "If-Match",
          "If-Match must be the ETag of the resource (e.g. \"3\") or *, got '"
              + abbreviate(header)
              + "'");
    }
  }

  /** The {@code Idempotency-Key} of a write that creates something; null without the header. */
  static IdempotencyKey idempotencyKey(Context ctx) {
    return parse(single(ctx, IDEMPOTENCY_KEY), IDEMPOTENCY_KEY, IdempotencyKey::of);
  }

  /**
   * The one value of a header that must not be repeated; 400 when it is (which of two keys or
   * tokens is meant is not for the server to guess).
   */
  static String single(Context ctx, String name) {
    var values = ctx.req().getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return null;
    }
    String first = values.nextElement();
    if (values.hasMoreElements()) {
      throw invalid(name, name + " may be sent only once");
    }
    return first;
  }

  /**
   * The language the caller asks for in {@code Accept-Language}; English when it names none we
   * write (see {@link Language#accepting}).
   */
  static Language language(Context ctx) {
    return Language.accepting(ctx.header("Accept-Language"));
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }
}
