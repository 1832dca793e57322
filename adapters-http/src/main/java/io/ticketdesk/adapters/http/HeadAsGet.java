package io.ticketdesk.adapters.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * Answers {@code HEAD} exactly as {@code GET} without the body: the request runs as a GET (through
 * authentication, parameter checks and the handler), and Jetty, which still knows the exchange is a
 * HEAD, sends the status and headers (Content-Length and ETag included) but no body. Javalin alone
 * would answer every HEAD on a GET route with an empty 200 without running the handler.
 */
final class HeadAsGet implements Filter {
  /** Request attribute: the request arrived as HEAD (for the metrics' method label). */
  static final String HEAD = "ticketdesk.head";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && "HEAD".equals(http.getMethod())) {
      http.setAttribute(HEAD, Boolean.TRUE);
      chain.doFilter(
          new HttpServletRequestWrapper(http) {
            @Override
            public String getMethod() {
              return "GET";
            }
          },
          response);
      return;
    }
    chain.doFilter(request, response);
  }
}
