package io.ticketdesk.domain.archfixture;

import java.io.IOException;
import java.net.Socket;

/** A domain class doing I/O: the architecture rules refuse it. */
public final class OpensASocket {
  private OpensASocket() {}

  static Socket connect() throws IOException {
    return new Socket("localhost", 80);
  }
}
