package io.ticketdesk.adapters.webhooks;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.WebhookSender;
import io.ticketdesk.domain.AttemptResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.Method;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.http2.config.H2Config;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The outgoing webhook client on Apache HttpClient 5's asynchronous client: connect and read
 * timeouts, at most {@link #MAX_RESPONSE_BYTES} of a response read (the status is what counts; a
 * longer answer costs its connection), redirects never followed (a 3xx is a failed attempt), no
 * retries of its own (the delivery's schedule retries), HTTP/1.1 only, and targets refused unless
 * they are {@code https} to public addresses — {@code allowInsecure} (the operator's {@code
 * TICKETDESK_WEBHOOKS_ALLOW_INSECURE}, for development and tests) also allows {@code http} and
 * loopback, private and link-local addresses. Without it the check is made again when a connection
 * is opened (the resolver refuses such addresses), so a host whose DNS answer changes after {@link
 * #refusal} still reaches no private address.
 *
 * <p>Every attempt of the instance runs on one I/O thread over a pool of kept-alive connections (at
 * most {@link #MAX_IN_FLIGHT}; more requests wait for a free one): a batch of deliveries is written
 * and its answers read as the sockets become ready, with no thread woken per delivery, and the
 * future of an attempt completes on that thread (a ticket's next event is signed and sent from
 * there). The blocking client it replaces cost a thread hand-off and a blocked read per delivery:
 * 1.7 context switches and 52 µs of CPU per delivery, more system time than user time
 * (docs/benchmarks.md). Host names are resolved on that thread when a connection is opened
 * (connections are kept alive for up to five minutes, and the JDK caches answers).
 */
public final class HttpWebhookSender implements WebhookSender, AutoCloseable {
  public static final int MAX_RESPONSE_BYTES = 64 * 1024;
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** Requests in flight at once per sender (so per instance): kept-alive connections. */
  public static final int MAX_IN_FLIGHT = 64;

  /** How long an attempt waits for a free connection before it counts as failed. */
  static final Duration CONNECTION_WAIT = Duration.ofMinutes(1);

  static final String USER_AGENT = "Ticketdesk-Webhooks/1";

  private final CloseableHttpAsyncClient client;
  private final boolean allowInsecure;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  public HttpWebhookSender(boolean allowInsecure) {
    this(allowInsecure, CONNECT_TIMEOUT, READ_TIMEOUT);
  }

  public HttpWebhookSender(boolean allowInsecure, Duration connectTimeout, Duration readTimeout) {
    this.allowInsecure = allowInsecure;
    this.readTimeout = requireNonNull(readTimeout, "readTimeout is null");
    this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout is null");
    PoolingAsyncClientConnectionManager connections =
        PoolingAsyncClientConnectionManagerBuilder.create()
            .setMaxConnTotal(MAX_IN_FLIGHT)
            .setMaxConnPerRoute(MAX_IN_FLIGHT)
            .setDnsResolver(allowInsecure ? SystemDefaultDnsResolver.INSTANCE : PUBLIC_ONLY)
            .setDefaultTlsConfig(
                TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(readTimeout))
                    .setTimeToLive(TimeValue.ofMinutes(5))
                    .build())
            .build();
    // The minimal client: no redirects, authentication, cookies, retries or proxies to skip per
    // request (the full client's chain parsed each request's URI again for its auth scope).
    this.client =
        HttpAsyncClients.createMinimal(
            HttpVersionPolicy.FORCE_HTTP_1,
            H2Config.DEFAULT,
            Http1Config.DEFAULT,
            IOReactorConfig.custom()
                .setIoThreadCount(1)
                .setSoTimeout(Timeout.of(readTimeout))
                .setTcpNoDelay(true)
                .build(),
            connections);
    client.start();
  }

  /** Resolves a host only to public addresses: the connect-time twin of {@link #refusal}. */
  private static final DnsResolver PUBLIC_ONLY =
      new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
          InetAddress[] all = SystemDefaultDnsResolver.INSTANCE.resolve(host);
          if (firstNonPublic(all).isPresent()) {
            throw new UnknownHostException(
                host + " resolves to a private, loopback or link-local address");
          }
          return all;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
          return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
      };

  @Override
  public Optional<String> refusal(URI target) {
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
      return Optional.of("only https URLs receive webhooks");
    }
    if (target.getHost() == null) {
      return Optional.of("the URL names no host");
    }
    if (allowInsecure) {
      return Optional.empty();
    }
    try {
      return firstNonPublic(InetAddress.getAllByName(target.getHost()))
          .map(
              a ->
                  "the host resolves to a private, loopback or link-local address ("
                      + a.getHostAddress()
                      + ")");
    } catch (UnknownHostException e) {
      return Optional.of("the host cannot be resolved");
    }
  }

  @Override
  public AttemptResult post(URI target, Map<String, String> headers, String body) {
    return postAsync(target, headers, body).join();
  }

  /**
   * Sends over the client's kept-alive connections without blocking the caller; at most {@link
   * #MAX_IN_FLIGHT} requests are in flight at once (the others wait for a free connection, up to
   * {@link #CONNECTION_WAIT}). The future completes on the I/O thread, never exceptionally.
   */
  @Override
  public CompletableFuture<AttemptResult> postAsync(
      URI target, Map<String, String> headers, String body) {
    long start = System.nanoTime();
    CompletableFuture<AttemptResult> result = new CompletableFuture<>();
    try {
      SimpleHttpRequest request = SimpleHttpRequest.create(Method.POST, target);
      request.setHeader("user-agent", USER_AGENT);
      headers.forEach(request::setHeader);
      request.setBody(body, ContentType.APPLICATION_JSON);
      CappedStatus answer = new CappedStatus();
      client.execute(
          SimpleRequestProducer.create(request),
          answer,
          null,
          context(),
          new FutureCallback<Integer>() {
            @Override
            public void completed(Integer status) {
              result.complete(AttemptResult.status(status, millis(start)));
            }

            @Override
            public void failed(Exception e) {
              // An answer cut off at the cap still has its status: that is what counts.
              result.complete(
                  answer.status > 0
                      ? AttemptResult.status(answer.status, millis(start))
                      : failure(e, start));
            }

            @Override
            public void cancelled() {
              result.complete(AttemptResult.failed("cancelled", millis(start)));
            }
          });
    } catch (RuntimeException e) {
      result.complete(failure(e, start));
    }
    return result;
  }

  /**
   * An answer's status, its body read up to {@link #MAX_RESPONSE_BYTES} and dropped; a longer body
   * ends the exchange (and its connection) with the status kept.
   */
  private static final class CappedStatus extends AbstractBinResponseConsumer<Integer> {
    volatile int status;
    private long read;

    @Override
    protected void start(HttpResponse response, ContentType contentType) {
      status = response.getCode();
    }

    @Override
    protected int capacityIncrement() {
      return MAX_RESPONSE_BYTES;
    }

    @Override
    protected void data(ByteBuffer data, boolean endOfStream) throws IOException {
      read += data.remaining();
      data.position(data.limit());
      if (read > MAX_RESPONSE_BYTES) {
        throw new IOException("the answer is longer than " + MAX_RESPONSE_BYTES + " bytes");
      }
    }

    @Override
    protected Integer buildResult() {
      return status;
    }

    @Override
    public void releaseResources() {}
  }

  /** How long a request may wait for a free connection (the read timeout is the connection's). */
  private static HttpClientContext context() {
    HttpClientContext context = HttpClientContext.create();
    context.setRequestConfig(WAIT_FOR_CONNECTION);
    return context;
  }

  private static final RequestConfig WAIT_FOR_CONNECTION =
      RequestConfig.custom().setConnectionRequestTimeout(Timeout.of(CONNECTION_WAIT)).build();

  /** Stops the I/O thread; attempts in flight end as failed. */
  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }

  private AttemptResult failure(Throwable e, long start) {
    if (e instanceof ConnectTimeoutException) {
      return AttemptResult.failed("connect timed out after " + connectTimeout, millis(start));
    }
    if (e instanceof SocketTimeoutException) {
      return AttemptResult.failed("no answer within " + readTimeout, millis(start));
    }
    if (e instanceof ConnectException) {
      return AttemptResult.failed("connection refused or unreachable", millis(start));
    }
    if (e instanceof UnknownHostException) {
      return AttemptResult.failed("refused target: " + e.getMessage(), millis(start));
    }
    if (e instanceof IOException) {
      return AttemptResult.failed("I/O error: " + e.getClass().getSimpleName(), millis(start));
    }
    return AttemptResult.failed("failed: " + e.getClass().getSimpleName(), millis(start));
  }

  /** The first address that is not public (loopback, private, link-local, …), if any. */
  private static Optional<InetAddress> firstNonPublic(InetAddress[] addresses) {
    for (InetAddress a : addresses) {
      if (!Addresses.isPublic(a)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
