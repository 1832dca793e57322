package io.ticketdesk.adapters.webhooks;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.WebhookSender;
import io.ticketdesk.domain.AttemptResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
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

/**
 * The outgoing webhook client on the JDK's {@link HttpClient}: connect and read timeouts, at most
 * {@link #MAX_RESPONSE_BYTES} of a response read (the status is what counts), redirects never
 * followed (a 3xx is a failed attempt), and targets refused unless they are {@code https} to public
 * addresses — {@code allowInsecure} (the operator's {@code TICKETDESK_WEBHOOKS_ALLOW_INSECURE}, for
 * development and tests) also allows {@code http} and loopback, private and link-local addresses.
 *
 * <p>Concurrent attempts run on this sender's own threads, each a blocking {@code send}: the JDK
 * client's {@code sendAsync} hands every completion to {@code CompletableFuture}'s default
 * executor, which on a machine with fewer than three cores starts a new thread per task — one
 * thread per delivery, measured as most of the server's CPU with webhooks on (docs/benchmarks.md).
 */
public final class HttpWebhookSender implements WebhookSender {
  public static final int MAX_RESPONSE_BYTES = 64 * 1024;
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** Requests in flight at once per sender (so per instance): kept-alive connections. */
  public static final int MAX_IN_FLIGHT = 64;

  private final HttpClient client;
  private final boolean allowInsecure;
  private final Duration readTimeout;
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final ExecutorService senders = senders();

  public HttpWebhookSender(boolean allowInsecure) {
    this(allowInsecure, CONNECT_TIMEOUT, READ_TIMEOUT);
  }

  public HttpWebhookSender(boolean allowInsecure, Duration connectTimeout, Duration readTimeout) {
    this.allowInsecure = allowInsecure;
    this.readTimeout = requireNonNull(readTimeout, "readTimeout is null");
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(requireNonNull(connectTimeout, "connectTimeout is null"))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

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
      for (InetAddress a : InetAddress.getAllByName(target.getHost())) {
        if (!Addresses.isPublic(a)) {
          return Optional.of(
              "the host resolves to a private, loopback or link-local address ("
                  + a.getHostAddress()
                  + ")");
        }
      }
      return Optional.empty();
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
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(readTimeout)
            .header("User-Agent", "Ticketdesk-Webhooks/1")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.completedFuture(AttemptResult.failed("interrupted", millis(start)));
    }
    HttpRequest built = request.build();
    try {
      return CompletableFuture.supplyAsync(() -> attempt(built, start), senders);
    } catch (RejectedExecutionException e) {
      inFlight.release();
      return CompletableFuture.completedFuture(failure(e, start));
    }
  }

  /** One blocking attempt on a sender thread; releases its place in flight. */
  private AttemptResult attempt(HttpRequest request, long start) {
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        in.readNBytes(MAX_RESPONSE_BYTES); // read a little, never the whole of a huge answer
      }
      return AttemptResult.status(response.statusCode(), millis(start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AttemptResult.failed("interrupted", millis(start));
    } catch (IOException | RuntimeException e) {
      return failure(e, start);
    } finally {
      inFlight.release();
    }
  }

  private AttemptResult failure(Throwable error, long start) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof HttpConnectTimeoutException) {
      return AttemptResult.failed("connect timed out after " + CONNECT_TIMEOUT, millis(start));
    }
    if (e instanceof HttpTimeoutException) {
      return AttemptResult.failed("no answer within " + readTimeout, millis(start));
    }
    if (e instanceof ConnectException) {
      return AttemptResult.failed("connection refused or unreachable", millis(start));
    }
    if (e instanceof IOException) {
      return AttemptResult.failed("I/O error: " + e.getClass().getSimpleName(), millis(start));
    }
    return AttemptResult.failed("failed: " + e.getClass().getSimpleName(), millis(start));
  }

  private static long millis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
