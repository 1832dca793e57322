package io.ticketdesk.benchmarks;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The requests of one kept-alive HTTP/1.1 connection, however the reads split them: bytes are read
 * into {@link #buffer()}, then {@link #parse} hands every complete request (its headers, then
 * {@code Content-Length} bytes of body) on and keeps the rest for the next read. Only what a
 * webhook sender sends: no chunked bodies, no continuation lines.
 */
final class RequestParser {
  static final int MAX_HEAD = 64 * 1024;
  static final int MAX_BODY = 16 * 1024 * 1024;

  private ByteBuffer in = ByteBuffer.allocate(16 * 1024); // filling: position = end of the data
  private boolean close;
  private int length;
  private String id;

  /** The buffer to read into, with room for at least one more byte. */
  ByteBuffer buffer() throws ProtocolException {
    if (!in.hasRemaining()) {
      if (in.capacity() >= MAX_HEAD + MAX_BODY) {
        throw new ProtocolException("request too large");
      }
      in = ByteBuffer.allocate(Math.min(in.capacity() * 2, MAX_HEAD + MAX_BODY)).put(in.flip());
    }
    return in;
  }

  /** Whether a request asked {@code Connection: close}: after it nothing more is parsed. */
  boolean closing() {
    return close;
  }

  /**
   * Hands every complete request in the buffer to {@code handler}, in order; returns how many.
   *
   * @throws ProtocolException at what is not an HTTP/1.1 request: the connection should end
   */
  int parse(ReceiveCommand.Delivery handler) throws ProtocolException {
    in.flip();
    byte[] a = in.array();
    int handed = 0;
    try {
      while (!close) {
        int p = in.position();
        int limit = in.limit();
        while (p < limit && (a[p] == '\r' || a[p] == '\n')) {
          p++; // blank lines between requests
        }
        in.position(p);
        int body = endOfHead(a, p, limit);
        if (body < 0) {
          if (limit - p > MAX_HEAD) {
            throw new ProtocolException("headers too long");
          }
          return handed;
        }
        boolean closeAfter = head(a, p, body);
        if (limit - body < length) {
          return handed; // the rest of the body comes with a later read
        }
        in.position(body + length);
        handler.accept(id, Arrays.copyOfRange(a, body, body + length));
        handed++;
        close = closeAfter;
      }
      return handed;
    } finally {
      in.compact();
    }
  }

  /** The index after the blank line that ends the head starting at {@code from}, or -1. */
  private static int endOfHead(byte[] a, int from, int limit) {
    for (int i = from; i < limit - 1; i++) {
      if (a[i] == '\n') {
        if (a[i + 1] == '\n') {
          return i + 2;
        }
        if (a[i + 1] == '\r' && i + 2 < limit && a[i + 2] == '\n') {
          return i + 3;
        }
      }
    }
    return -1;
  }

  /** Reads the request line and headers into {@link #length}, {@link #id}; true on close. */
  private boolean head(byte[] a, int from, int end) throws ProtocolException {
    length = 0;
    id = null;
    boolean closeAfter = false;
    boolean requestLine = true;
    for (int p = from; p < end; ) {
      int nl = p;
      while (a[nl] != '\n') {
        nl++;
      }
      int stop = nl > p && a[nl - 1] == '\r' ? nl - 1 : nl;
      String line = new String(a, p, stop - p, StandardCharsets.ISO_8859_1);
      p = nl + 1;
      if (line.isEmpty()) {
        break;
      }
      if (requestLine) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
          throw new ProtocolException("not an HTTP/1.x request line");
        }
        requestLine = false;
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new ProtocolException("not a header line");
      }
      String value = line.substring(colon + 1).trim();
      switch (line.substring(0, colon).trim().toLowerCase(Locale.ROOT)) {
        case "content-length" -> length = contentLength(value);
        case "webhook-id" -> id = value;
        case "connection" -> closeAfter = value.equalsIgnoreCase("close");
        case "transfer-encoding" -> throw new ProtocolException("no chunked bodies");
        default -> {}
      }
    }
    return closeAfter;
  }

  private static int contentLength(String value) throws ProtocolException {
    try {
      int n = Integer.parseInt(value);
      if (n >= 0 && n <= MAX_BODY) {
        return n;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new ProtocolException("bad Content-Length: " + value);
  }
}
