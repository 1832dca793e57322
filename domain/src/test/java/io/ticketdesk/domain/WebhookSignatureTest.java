package io.ticketdesk.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The domain's HMAC-SHA256 against the JDK's javax.crypto, and the Standard Webhooks example. */
class WebhookSignatureTest {
  static Stream<Integer> seeds() {
    return IntStream.range(0, 200).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void hmacMatchesTheJdkForRandomKeysAndMessages(int seed) throws Exception {
    Random random = new Random(seed);
    byte[] key = new byte[random.nextInt(1, 150)];
    byte[] message = new byte[random.nextInt(0, 3000)];
    random.nextBytes(key);
    random.nextBytes(message);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    assertArrayEquals(mac.doFinal(message), WebhookSignature.hmacSha256(key, message));
  }

  /** The example of the Standard Webhooks specification (and its libraries' tests). */
  @Test
  void theSpecificationsExampleSignsAsPublished() {
    byte[] key = WebhookSignature.key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    String signature =
        WebhookSignature.v1(
            key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");
    assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
  }

  @Test
  void aSecretIsWhsecAndTheBase64OfItsKey() {
    byte[] key = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    String secret = WebhookSignature.secret(key);
    assertEquals("whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", secret);
    assertArrayEquals(key, WebhookSignature.key(secret));
  }
}
