package io.ticketdesk.adapters.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The web pages on the API's server: the seller workspace at {@code /} and the API explorer at
 * {@code /docs} (Swagger UI from its WebJar). Static files only; the pages talk to the public
 * {@code /api/v1} like any other client. Every answer of the server carries the security headers.
 */
public final class WebPages implements Consumer<JavalinConfig> {
  /**
   * No inline script, no eval, nothing from another origin. Inline style attributes are allowed for
   * Swagger UI's renderer (it sets a few style attributes in its markup); the workspace sets none.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " frame-ancestors 'none'; form-action 'self'";

  /** The headers every answer carries. */
  public static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "Content-Security-Policy", CONTENT_SECURITY_POLICY,
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY");

  private static final String WEBJAR = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private final byte[] docsPage;
  private final String swaggerUiVersion;

  public WebPages() {
    this.docsPage = resource("web/docs/index.html");
    this.swaggerUiVersion = swaggerUiVersion();
  }

  @Override
  public void accept(JavalinConfig config) {
    Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
    // Revalidate on every load (ETags keep it cheap): a new release is seen at once.
    headers.put("Cache-Control", "no-cache");
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/";
          files.directory = "/web";
          files.location = Location.CLASSPATH;
          files.headers = headers;
        });
    config.staticFiles.add(
        files -> {
          files.hostedPath = "/docs/swagger-ui";
          files.directory = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion;
          files.location = Location.CLASSPATH;
          files.headers = headers;
        });
    config.routes.before(WebPages::securityHeaders);
    config.routes.get("/docs", this::docs);
  }

  private static void securityHeaders(Context ctx) {
    SECURITY_HEADERS.forEach(ctx::header);
  }

  private void docs(Context ctx) {
    ctx.header("Cache-Control", "no-cache");
    ctx.status(200).contentType("text/html; charset=utf-8").result(docsPage);
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String swaggerUiVersion() {
    try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream(WEBJAR)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui WebJar is missing from the class path");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
