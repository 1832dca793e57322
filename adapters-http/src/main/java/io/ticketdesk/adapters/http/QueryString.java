package io.ticketdesk.adapters.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The query string, decoded strictly: every {@code %} starts two hex digits, the decoded bytes are
 * UTF-8 and the text passes {@link RequestText}; otherwise 400 naming the parameter. ({@code +} is
 * a space, as in HTML forms.) Javalin's own decoding drops what it cannot decode, so a malformed
 * {@code limit=%zz} would count as no limit at all.
 */
final class QueryString {
  private static final String ATTRIBUTE = "ticketdesk.query";

  private QueryString() {}

  /** The parameters by name in their order, each with its values; decoded once per request. */
  static Map<String, List<String>> of(Context ctx) {
    Map<String, List<String>> cached = ctx.attribute(ATTRIBUTE);
    if (cached == null) {
      cached = parse(ctx.queryString());
      ctx.attribute(ATTRIBUTE, cached);
    }
    return cached;
  }

  static Map<String, List<String>> parse(String query) {
    if (query == null || query.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
      String name = decode(rawName, rawName, "its name");
      String value = decode(rawValue, name, "its value");
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    params.replaceAll((n, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(params);
  }

  private static String decode(String raw, String parameter, String part) {
    if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
      return checked(raw, parameter, raw);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int hi = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int lo = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw malformed(parameter, part + " has a % that is not followed by two hex digits");
        }
        bytes.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+') {
        bytes.write(' ');
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // Jetty refuses raw non-ASCII in the request target; kept for safety.
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
    } catch (CharacterCodingException e) {
      throw malformed(parameter, part + " is not percent-encoded UTF-8");
    }
    return checked(text, parameter, raw);
  }

  private static String checked(String text, String parameter, String raw) {
    int at = RequestText.firstForbidden(text);
    if (at >= 0) {
      throw RequestText.refusal(printable(parameter), text.charAt(at), at);
    }
    return text;
  }

  private static RuntimeException malformed(String parameter, String why) {
    String name = printable(parameter);
    return Requests.invalid(name, "query parameter " + name + ": " + why);
  }

  /** The parameter as it may be named in a problem: printable ASCII, at most 80 characters. */
  private static String printable(String parameter) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parameter.length() && sb.length() < 80; i++) {
      char c = parameter.charAt(i);
      sb.append(c >= 0x21 && c < 0x7f ? c : '?');
    }
    return sb.toString();
  }
}
