package io.ticketdesk.adapters.webhooks;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.WebhookSender;
import io.ticketdesk.domain.AttemptResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The outgoing webhook client on Apache HttpClient 5 (classic, blocking): connect and read
 * timeouts, at most {@link #MAX_RESPONSE_BYTES} of a response read (the status is what counts; a
 * longer answer costs its connection), redirects never followed (a 3xx is a failed attempt), no
 * retries of its own (the delivery's schedule retries), and targets refused unless they are {@code
 * https} to public addresses — {@code allowInsecure} (the operator's {@code
 * TICKETDESK_WEBHOOKS_ALLOW_INSECURE}, for development and tests) also allows {@code http} and
 * loopback, private and link-local addresses. Without it the check is made again when a connection
 * is opened (the resolver refuses such addresses), so a host whose DNS answer changes after {@link
 * #refusal} still reaches no private address.
 *
 * <p>Concurrent attempts run on this sender's own threads, each a blocking request over a pool of
 * kept-alive connections: the request is written and the answer read on the attempt's thread, with
 * no selector thread to hand each delivery to and back (the JDK client's cost, measured in
 * docs/benchmarks.md; its {@code sendAsync} even started a thread per delivery on fewer than three
 * cores).
 */
public final class HttpWebhookSender implements WebhookSender {
  public static final int MAX_RESPONSE_BYTES = 64 * 1024;
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** Requests in flight at once per sender (so per instance): kept-alive connections. */
  public static final int MAX_IN_FLIGHT = 64;

  private final CloseableHttpClient client;
  private final boolean allowInsecure;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final ExecutorService senders = senders();

  public HttpWebhookSender(boolean allowInsecure) {
    this(allowInsecure, CONNECT_TIMEOUT, READ_TIMEOUT);
  }

  public HttpWebhookSender(boolean allowInsecure, Duration connectTimeout, Duration readTimeout) {
    this.allowInsecure = allowInsecure;
    this.readTimeout = requireNonNull(readTimeout, "readTimeout is null");
    this.connectTimeout = requireNonNull(connectTimeout, "connectTimeout is null");
    PoolingHttpClientConnectionManager connections =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(MAX_IN_FLIGHT)
            .setMaxConnPerRoute(MAX_IN_FLIGHT)
            .setDnsResolver(allowInsecure ? SystemDefaultDnsResolver.INSTANCE : PUBLIC_ONLY)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(readTimeout))
                    .setTimeToLive(TimeValue.ofMinutes(5))
                    .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .setDefaultRequestConfig(
                RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .disableContentCompression()
            .evictIdleConnections(TimeValue.ofMinutes(1))
            .setUserAgent("Ticketdesk-Webhooks/1")
            .build();
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
   * Up to {@link #MAX_IN_FLIGHT} daemon threads, started as attempts need them and ended after a
   * minute without work; the semaphore keeps the queue empty.
   */
  private static ExecutorService senders() {
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            MAX_IN_FLIGHT,
            MAX_IN_FLIGHT,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "ticketdesk-webhook-send-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /**
   * Sends over the client's kept-alive connections; at most {@link #MAX_IN_FLIGHT} requests are in
   * flight at once (the caller waits for a free one), so a batch never opens more connections.
   */
  @Override
  public CompletableFuture<AttemptResult> postAsync(
      URI target, Map<String, String> headers, String body) {
    long start = System.nanoTime();
    HttpPost request = new HttpPost(target);
    headers.forEach(request::setHeader);
    request.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.completedFuture(AttemptResult.failed("interrupted", millis(start)));
    }
    try {
      return CompletableFuture.supplyAsync(() -> attempt(request, start), senders);
    } catch (RejectedExecutionException e) {
      inFlight.release();
      return CompletableFuture.completedFuture(failure(e, start));
    }
  }

  /**
   * One blocking attempt on a sender thread; releases its place in flight. An answer read to its
   * end within the cap leaves the connection to the pool; a longer one is cut off with its
   * connection (closing the stream would read the rest).
   */
  private AttemptResult attempt(HttpPost request, long start) {
    try {
      ClassicHttpResponse response = client.executeOpen(null, request, null);
      int status = response.getCode();
      try {
        HttpEntity entity = response.getEntity();
        if (entity != null) {
          InputStream in = entity.getContent();
          in.readNBytes(MAX_RESPONSE_BYTES);
          if (in.read() != -1) {
            request.cancel();
          }
        }
      } catch (IOException e) {
        request.cancel(); // the status counts; the rest of the answer does not
      } finally {
        closeQuietly(response);
      }
      return AttemptResult.status(status, millis(start));
    } catch (IOException | RuntimeException e) {
      return failure(e, start);
    } finally {
      inFlight.release();
    }
  }

  private static void closeQuietly(ClassicHttpResponse response) {
    try {
      response.close();
    } catch (IOException e) {
      // a cut-off connection: already discarded
    }
  }

  private AttemptResult failure(Throwable error, long start) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
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
