package io.ticketdesk.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sign-in exchanges a token for a session cookie; writes on it need the CSRF header. */
class BrowserSessionsOverHttpTest {
  private TestApp app;
  private long seller;
  private String sellerToken;

  @BeforeEach
  void start() {
    app = new TestApp();
    seller = app.registerSeller("Nordlicht GmbH", "de");
    sellerToken = app.token("seller", seller, null);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private record SignedIn(String cookie, String csrf, ApiClient.Response answer) {}

  private SignedIn signIn(String token, Map<String, String> headers) {
    var r =
        app.api.send("POST", "/api/v1/sessions", null, "{\"token\":\"" + token + "\"}", headers);
    assertEquals(201, r.status(), r.body());
    String setCookie = r.header("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    return new SignedIn(cookie, r.json().get("csrfToken").asText(), r);
  }

  private ApiClient.Response withCookie(
      String method, String path, String cookie, String body, String csrf) {
    var headers = new java.util.HashMap<String, String>();
    headers.put("Cookie", cookie);
    if (csrf != null) {
      headers.put("X-CSRF-Token", csrf);
    }
    return app.api.send(method, path, null, body, headers);
  }

  @Test
  void signInSetsAnHttpOnlyStrictCookieAndAnswersTheActor() {
    SignedIn s = signIn(sellerToken, Map.of());
    String setCookie = s.answer().header("Set-Cookie").orElseThrow();

    assertTrue(setCookie.startsWith("td_session="), setCookie);
    assertTrue(setCookie.contains("; HttpOnly"), setCookie);
    assertTrue(setCookie.contains("; SameSite=Strict"), setCookie);
    assertTrue(setCookie.contains("; Path=/"), setCookie);
    assertFalse(setCookie.contains("Secure"), "plain HTTP: " + setCookie);
    assertFalse(s.answer().body().contains(sellerToken), "the token is not echoed");
    JsonNode me = s.answer().json();
    assertEquals("seller", me.get("role").asText());
    assertEquals(seller, me.get("sellerId").asLong());
  }

  @Test
  void behindHttpsTheCookieIsSecure() {
    SignedIn s = signIn(sellerToken, Map.of("X-Forwarded-Proto", "https"));

    assertTrue(s.answer().header("Set-Cookie").orElseThrow().contains("; Secure"));
  }

  @Test
  void theCookieAuthenticatesReadsAndWritesNeedTheCsrfHeader() {
    SignedIn s = signIn(sellerToken, Map.of());
    String body = "{\"storefront\":\"de\",\"name\":\"Hi\",\"body\":\"Hello\"}";

    var read = withCookie("GET", "/api/v1/text-modules", s.cookie(), null, null);
    var noCsrf = withCookie("POST", "/api/v1/text-modules", s.cookie(), body, null);
    var wrongCsrf = withCookie("POST", "/api/v1/text-modules", s.cookie(), body, "forged");
    var ok = withCookie("POST", "/api/v1/text-modules", s.cookie(), body, s.csrf());

    assertEquals(200, read.status(), read.body());
    assertEquals(403, noCsrf.status(), noCsrf.body());
    assertEquals(403, wrongCsrf.status(), wrongCsrf.body());
    assertEquals(201, ok.status(), ok.body());
    assertEquals(1, app.api.get("/api/v1/text-modules", sellerToken).json().get("items").size());
  }

  @Test
  void currentAnswersTheSessionAndForABearerTheCallerWithoutSecret() {
    SignedIn s = signIn(sellerToken, Map.of());

    var bySession = withCookie("GET", "/api/v1/sessions/current", s.cookie(), null, null);
    var byBearer = app.api.get("/api/v1/sessions/current", sellerToken);

    assertEquals(s.csrf(), bySession.json().get("csrfToken").asText());
    assertEquals("seller", byBearer.json().get("role").asText());
    assertTrue(byBearer.json().get("csrfToken").isNull());
  }

  @Test
  void signOutEndsTheSessionOnTheServer() {
    SignedIn s = signIn(sellerToken, Map.of());

    var out = withCookie("DELETE", "/api/v1/sessions/current", s.cookie(), null, s.csrf());
    var after = withCookie("GET", "/api/v1/tickets", s.cookie(), null, null);

    assertEquals(204, out.status());
    assertTrue(out.header("Set-Cookie").orElseThrow().contains("Max-Age=0"));
    assertEquals(401, after.status());
  }

  @Test
  void signOutWithoutTheCsrfHeaderIsRefused() {
    SignedIn s = signIn(sellerToken, Map.of());

    var out = withCookie("DELETE", "/api/v1/sessions/current", s.cookie(), null, null);

    assertEquals(403, out.status());
    assertEquals(200, withCookie("GET", "/api/v1/tickets", s.cookie(), null, null).status());
  }

  @Test
  void aSessionExpiresAfterTwelveHours() {
    SignedIn s = signIn(sellerToken, Map.of());

    app.clock.advance(Duration.ofHours(12).minusSeconds(1));
    assertEquals(200, withCookie("GET", "/api/v1/tickets", s.cookie(), null, null).status());
    app.clock.advance(Duration.ofSeconds(1));
    assertEquals(401, withCookie("GET", "/api/v1/tickets", s.cookie(), null, null).status());
  }

  @Test
  void anUnknownTokenOrCookieIsUnauthenticated() {
    var bad = app.api.send("POST", "/api/v1/sessions", null, "{\"token\":\"tdk_nope\"}", Map.of());
    var forged = withCookie("GET", "/api/v1/tickets", "td_session=forged", null, null);

    assertEquals(401, bad.status());
    assertTrue(bad.header("Set-Cookie").isEmpty());
    assertEquals(401, forged.status());
  }

  @Test
  void theBearerTokenKeepsWorkingAndWinsOverACookie() {
    SignedIn s = signIn(sellerToken, Map.of());
    String other = app.token("seller", app.registerSeller("Other", "de"), null);

    var r =
        app.api.send("GET", "/api/v1/sessions/current", other, null, Map.of("Cookie", s.cookie()));

    assertEquals(200, r.status());
    assertTrue(r.json().get("csrfToken").isNull(), "answered as the bearer, not the session");
  }

  @Test
  void ticketCountsCountEveryStatusInTheCallersScope() {
    app.feedOrder("CNT1", seller, 501, "de", 9001, 9002);
    String buyer = app.token("buyer", null, 501L);
    app.openTicket(buyer, 9001, "product_defect", null, "broken");
    app.openTicket(buyer, 9002, "product_defect", null, "also broken");
    long other = app.registerSeller("Other", "de");
    app.feedOrder("CNT2", other, 502, "de", 9003);
    app.openTicket(app.token("buyer", null, 502L), 9003, "product_defect", null, "x");

    var counts = app.api.get("/api/v1/ticket-counts", sellerToken).json();
    var byOrder = app.api.get("/api/v1/ticket-counts?q=CNT2", sellerToken).json();

    assertEquals(2, counts.get("open").asLong());
    assertEquals(0, counts.get("waiting").asLong());
    assertEquals(0, counts.get("closed").asLong());
    assertEquals(0, byOrder.get("open").asLong());
  }
}
