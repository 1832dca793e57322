package io.ticketdesk.application.service;

import io.ticketdesk.domain.WireEnum;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a request asks for, as a SHA-256 digest: a repeated request has the same fingerprint, any
 * other request another one. The first value names the operation; values follow in a fixed order,
 * each ended by a 0 byte. Free text (which may contain 0 bytes) carries its length first, and an
 * absent value is written as {@code -}, which no present value is.
 */
final class Fingerprint {
  private static final String ABSENT = "-";

  private final MessageDigest sha;

  private Fingerprint(String operation) {
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
    add(operation);
  }

  /** A fingerprint of a request to {@code operation} (e.g. {@code refund}, {@code message}). */
  static Fingerprint of(String operation) {
    return new Fingerprint(operation);
  }

  /** A value without 0 bytes: a number, a code, a currency, a ticket number, a role. */
  Fingerprint add(String value) {
    sha.update((value == null ? ABSENT : value).getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    return this;
  }

  Fingerprint add(long value) {
    return add(Long.toString(value));
  }

  Fingerprint add(Long value) {
    return add(value == null ? null : value.toString());
  }

  Fingerprint add(boolean value) {
    return add(Boolean.toString(value));
  }

  Fingerprint add(WireEnum value) {
    return add(value == null ? null : value.wire());
  }

  /** Free text, e.g. a message or a URL: its length in UTF-8 bytes, then its bytes. */
  Fingerprint text(String value) {
    if (value == null) {
      return add((String) null);
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    sha.update((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
    sha.update(bytes);
    sha.update((byte) 0);
    return this;
  }

  /** The digest as 64 lower-case hex digits; the fingerprint is used up. */
  String hex() {
    return HexFormat.of().formatHex(sha.digest());
  }
}
