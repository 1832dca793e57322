package io.ticketdesk.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain-socket TCP proxy between the server and PostgreSQL, to simulate a database outage without
 * stopping the shared PostgreSQL cluster: {@link #freeze()} stops forwarding what the server sends
 * (the network goes silent: a statement or COMMIT sent now never arrives), {@link #cut()} closes
 * every proxied connection and resets new ones, {@link #restore()} forwards again.
 */
final class TcpProxy implements AutoCloseable {
  private final String targetHost;
  private final int targetPort;
  private final ServerSocket server;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final Object gate = new Object();
  private volatile boolean frozen;
  private volatile boolean refusing;
  private volatile boolean closed;
  final AtomicInteger connectionsCut = new AtomicInteger();
  final AtomicInteger connectionsRefused = new AtomicInteger();

  TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    Thread acceptor = new Thread(this::acceptLoop, "proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Stops forwarding client-to-database bytes; replies already under way still arrive. */
  void freeze() {
    frozen = true;
  }

  /** Closes every proxied connection and resets new ones until {@link #restore()}. */
  void cut() {
    refusing = true;
    for (Socket s : sockets) {
      connectionsCut.incrementAndGet();
      reset(s);
    }
    sockets.clear();
  }

  /** Accepts and forwards again. */
  void restore() {
    refusing = false;
    frozen = false;
    synchronized (gate) {
      gate.notifyAll();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      if (refusing) {
        connectionsRefused.incrementAndGet();
        reset(client);
        continue;
      }
      try {
        Socket db = new Socket(targetHost, targetPort);
        sockets.add(client);
        sockets.add(db);
        pump(client, db, true);
        pump(db, client, false);
      } catch (IOException e) {
        reset(client);
      }
    }
  }

  private void pump(Socket from, Socket to, boolean clientToDb) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) != -1) {
                  if (clientToDb) {
                    awaitUnfrozen();
                  }
                  if (refusing) {
                    break;
                  }
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // the connection was cut or closed
              } finally {
                reset(from);
                reset(to);
                sockets.remove(from);
                sockets.remove(to);
              }
            },
            "proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private void awaitUnfrozen() throws InterruptedException {
    synchronized (gate) {
      while (frozen && !refusing && !closed) {
        gate.wait(100);
      }
    }
  }

  private static void reset(Socket s) {
    try {
      s.setSoLinger(true, 0); // RST instead of FIN: like a dropped network path
    } catch (IOException ignored) {
      // already closed
    }
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    cut();
  }
}
