package io.ticketdesk.adapters.http;

import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's own error answers as problem+json instead of its text/html pages. Jetty refuses some
 * requests before Javalin sees them — a malformed request line, illegal characters in a header or
 * the URI, a bad Host, ambiguous URI paths, header fields above the limit (431), a URI too long
 * (414), an unknown HTTP version (505), a bad Content-Length or chunked encoding, an unknown Expect
 * (417) — and answers them through the server's (and the servlet context's) error handler. This one
 * writes the same problem document as {@link Problems}, whatever the method and the Accept header,
 * with Jetty's reason reduced to a short, safe phrase and never a stack trace.
 */
final class JettyErrorProblems extends ErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(JettyErrorProblems.class);

  /** Longest request path echoed as {@code instance}; longer or odd paths are left out. */
  private static final int MAX_INSTANCE_LENGTH = 200;

  /** The path Jetty gives a request whose request line it could not parse. */
  private static final String UNPARSED_PATH = "/badMessage";

  JettyErrorProblems() {
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
    setCacheControl("no-store");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    String reason = (String) request.getAttribute(ERROR_MESSAGE);
    Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
    if (cause instanceof HttpException refusal) {
      status = refusal.getCode();
      if (reason == null) {
        reason = refusal.getReason();
      }
    }
    if (status < 400 || status > 599) {
      status = 500;
    }
    response.setStatus(status);
    String slug = Problems.slug(status);
    if (status >= 500 && status != 505) {
      LOG.warn(
          "Jetty answered {} {} before the app: {}",
          status,
          slug,
          cause == null ? reason : cause.toString());
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("Jetty refused a request with {}: {}", status, reason);
    }
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CACHE_CONTROL, "no-store");
    // Jetty closes the connection after most of these refusals (what follows a malformed request
    // cannot be trusted) but did not always say so; a client that kept the connection for its next
    // request then lost that request without an answer. Say it, and close, every time.
    headers.put(HttpHeader.CONNECTION, "close");
    if (status == 503) {
      headers.put(HttpHeader.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
    }
    byte[] body =
        Problems.body(
            status,
            slug,
            Problems.protocolDetail(status, reason),
            instance(request.getHttpURI()),
            Map.of());
    headers.put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    if (HttpMethod.HEAD.is(request.getMethod())) {
      callback.succeeded();
    } else {
      response.write(true, ByteBuffer.wrap(body), callback);
    }
    return true;
  }

  /**
   * The request path when it is short visible ASCII (it may be what Jetty refused), else null; also
   * null for a request line Jetty could not parse (it names those "/badMessage").
   */
  private static String instance(HttpURI uri) {
    String path = uri == null ? null : uri.getPath();
    if (path == null
        || path.isEmpty()
        || path.length() > MAX_INSTANCE_LENGTH
        || path.equals(UNPARSED_PATH)) {
      return null;
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return null;
      }
    }
    return path;
  }
}
