import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small webhook receiver (JDK only) that verifies every Ticketdesk delivery by the Standard
 * Webhooks convention and prints one line per delivery. Run it without compiling:
 *
 * <pre>java examples/webhook-receiver/WebhookReceiver.java 8090 whsec_…</pre>
 *
 * It answers 204 to a delivery whose signature verifies and whose timestamp is within 5 minutes,
 * 400 to any other (Ticketdesk then retries it).
 */
public class WebhookReceiver {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    byte[] key = Base64.getDecoder().decode(args[1].substring("whsec_".length()));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
          String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
          boolean ok = verifies(key, id, timestamp, body, signatures);
          System.out.println((ok ? "verified " : "REFUSED (bad signature) ") + id + " " + body);
          exchange.sendResponseHeaders(ok ? 204 : 400, -1);
          exchange.close();
        });
    server.start();
    System.out.println("receiving webhooks on http://127.0.0.1:" + port + "/");
  }

  /** HMAC-SHA256 over "id.timestamp.body", base64; one of the space-separated "v1,…" matches. */
  static boolean verifies(byte[] key, String id, String timestamp, String body, String signatures) {
    if (id == null || timestamp == null || signatures == null) {
      return false;
    }
    try {
      long age = Instant.now().getEpochSecond() - Long.parseLong(timestamp);
      if (Math.abs(age) > 300) {
        return false; // too old or from the future: a replay
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] expected =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      for (String signature : signatures.split(" ")) {
        if (signature.startsWith("v1,")
            && MessageDigest.isEqual(
                expected, Base64.getDecoder().decode(signature.substring("v1,".length())))) {
          return true;
        }
      }
      return false;
    } catch (IllegalArgumentException e) {
      return false; // not a number, not base64
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
