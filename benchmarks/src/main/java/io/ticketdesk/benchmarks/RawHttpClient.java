package io.ticketdesk.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Flow;

/**
 * A blocking HTTP/1.1 client for one load worker: one kept-alive connection, the request written in
 * one go, the response read and discarded (Content-Length or chunked). It exists because the load
 * driver shares the machine with the server: the JDK client hands every request between threads
 * (caller, selector, executor), which costs the server CPU that it would not lose to a client on
 * another machine. Not a general client: no TLS, no redirects, no 1xx but 100.
 */
final class RawHttpClient implements AutoCloseable {
  private final String host;
  private final int port;
  private Socket socket;
  private OutputStream out;
  private InputStream in;

  RawHttpClient(URI base) {
    this.host = base.getHost();
    this.port = base.getPort() < 0 ? 80 : base.getPort();
  }

  /** Sends the request and returns the status code, reconnecting once if the server closed. */
  int send(HttpRequest request) throws IOException {
    byte[] bytes = serialize(request);
    for (int attempt = 0; ; attempt++) {
      boolean fresh = socket == null;
      try {
        if (fresh) {
          connect();
        }
        out.write(bytes);
        out.flush();
        return readResponse();
      } catch (IOException e) {
        close();
        if (fresh || attempt > 0) {
          throw e;
        }
      }
    }
  }

  private void connect() throws IOException {
    socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(30_000);
    socket.connect(new InetSocketAddress(host, port), 5_000);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
  }

  private byte[] serialize(HttpRequest request) {
    URI uri = request.uri();
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    byte[] body = body(request);
    StringBuilder head = new StringBuilder(256);
    head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append(':').append(port).append("\r\n");
    request
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              for (String v : values) {
                head.append(name).append(": ").append(v).append("\r\n");
              }
            });
    if (body.length > 0 || !request.method().equals("GET")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  /** The bytes of a JDK body publisher (the driver's are in-memory strings). */
  private static byte[] body(HttpRequest request) {
    if (request.bodyPublisher().isEmpty()) {
      return new byte[0];
    }
    List<ByteBuffer> parts = new ArrayList<>();
    request
        .bodyPublisher()
        .get()
        .subscribe(
            new Flow.Subscriber<ByteBuffer>() {
              @Override
              public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
              }

              @Override
              public void onNext(ByteBuffer item) {
                parts.add(item);
              }

              @Override
              public void onError(Throwable t) {
                throw new IllegalStateException(t);
              }

              @Override
              public void onComplete() {}
            });
    int size = parts.stream().mapToInt(ByteBuffer::remaining).sum();
    byte[] bytes = new byte[size];
    int at = 0;
    for (ByteBuffer b : parts) {
      int n = b.remaining();
      b.get(bytes, at, n);
      at += n;
    }
    return bytes;
  }

  private int readResponse() throws IOException {
    int status;
    do {
      String statusLine = line();
      if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP/1.x status line: " + statusLine);
      }
      status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      boolean close = false;
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> close = value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      if (status == 100) {
        continue;
      }
      if (chunked) {
        for (long size = chunkSize(); size > 0; size = chunkSize()) {
          skip(size);
          line();
        }
        while (!line().isEmpty()) {
          // trailers
        }
      } else if (length >= 0) {
        skip(length);
      } else {
        close = true; // body until the connection closes
        while (in.read() >= 0) {
          // discard
        }
      }
      if (close) {
        close();
      }
    } while (status == 100);
    return status;
  }

  private long chunkSize() throws IOException {
    String l = line();
    int semicolon = l.indexOf(';');
    return Long.parseLong((semicolon < 0 ? l : l.substring(0, semicolon)).trim(), 16);
  }

  private void skip(long n) throws IOException {
    while (n > 0) {
      long skipped = in.skip(n);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("connection closed in the body");
        }
        skipped = 1;
      }
      n -= skipped;
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    socket = null;
    out = null;
    in = null;
  }
}
