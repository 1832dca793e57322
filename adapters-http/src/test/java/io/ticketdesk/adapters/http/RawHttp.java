package io.ticketdesk.adapters.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK client will not send: malformed
 * percent-encoding in the target, repeated headers in a chosen order, invented methods.
 */
final class RawHttp {
  private RawHttp() {}

  record Answer(int status, Map<String, String> headers, String body) {
    String contentType() {
      return headers.getOrDefault("content-type", "");
    }
  }

  /** Sends {@code head} (request line and header lines, without the blank line) and a body. */
  static Answer send(int port, String head, byte[] body, boolean isHead) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      var out = socket.getOutputStream();
      String h =
          head
              + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + (body == null ? "" : "Content-Length: " + body.length + "\r\n")
              + "\r\n";
      out.write(h.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      byte[] bytes = all.toByteArray();
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].substring(9, 12));
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(
            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).strip());
      }
      String payload =
          isHead ? "" : new String(bytes, end + 4, bytes.length - end - 4, StandardCharsets.UTF_8);
      return new Answer(status, headers, payload);
    } catch (IOException e) {
      throw new AssertionError(head, e);
    }
  }

  static Answer get(int port, String target, String token) {
    return send(port, "GET " + target + " HTTP/1.1" + auth(token), null, false);
  }

  static String auth(String token) {
    return token == null ? "" : "\r\nAuthorization: Bearer " + token;
  }
}
