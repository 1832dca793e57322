package io.ticketdesk.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: a secret is {@code whsec_} and the base64 of its key (32 random
 * bytes); a signature is {@code v1,} and the base64 of HMAC-SHA256 over {@code
 * "{webhook-id}.{webhook-timestamp}.{body}"}.
 */
public final class WebhookSignature {
  public static final String SECRET_PREFIX = "whsec_";
  private static final int KEY_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One {@code Mac} per thread: looking the algorithm up among the providers costs more than the
   * signature of a small body; {@code init} resets it for each key.
   */
  private static final ThreadLocal<Mac> HMAC_SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Mac.getInstance("HmacSHA256");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("HmacSHA256 is not available", e);
            }
          });

  private WebhookSignature() {}

  /** A new random signing key. */
  public static byte[] newKey() {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    return key;
  }

  /** The secret as the owner receives it once: {@code whsec_} + base64 of the key. */
  public static String secret(byte[] key) {
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The key of a {@code whsec_…} secret. */
  public static byte[] key(String secret) {
    String b64 =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    return Base64.getDecoder().decode(b64);
  }

  /** {@code v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}. */
  public static String v1(byte[] key, String id, long timestampSeconds, String body) {
    byte[] content = (id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
    return "v1," + Base64.getEncoder().encodeToString(hmacSha256(key, content));
  }

  /** HMAC-SHA256 by the JDK's {@code javax.crypto.Mac}. */
  static byte[] hmacSha256(byte[] key, byte[] message) {
    try {
      Mac mac = HMAC_SHA256.get();
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
