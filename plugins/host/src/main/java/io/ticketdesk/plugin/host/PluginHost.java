package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import io.ticketdesk.plugin.api.TextModuleSet;
import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Ticketdesk plugins and calls them safely.
 *
 * <p>Plugins come from the host's class path (the ones shipped inside the application) and from
 * every {@code *.jar} in a plugins directory, each jar with its own class loader that sees only the
 * JDK and the SPI package. A plugin is rejected, with a log line and an entry in {@link
 * #rejected()}, when its SPI version is not supported, it registers nothing, it cannot be loaded or
 * it repeats a plugin or carrier name already loaded. Every call into a plugin runs on a bounded
 * pool with a timeout; a plugin that throws, hangs or returns garbage fails that call with a {@link
 * PluginCallException} and harms nothing else.
 */
public final class PluginHost implements AutoCloseable {

  /** The SPI version this host implements. */
  public static final String API_VERSION = TicketdeskPlugin.API_VERSION;

  /** How long a plugin call may take unless configured otherwise. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);
  private static final Pattern CARRIER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern PLUGIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final String CLASS_PATH = "class path";

  private final ApiVersion hostVersion = ApiVersion.parse(API_VERSION);
  private final Duration callTimeout;
  private final ThreadPoolExecutor executor;
  private final List<URLClassLoader> jarLoaders = new ArrayList<>();
  private final Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();
  private final Map<String, Carrier> carriers = new LinkedHashMap<>();
  private final List<TextModuleSet> textModuleSets = new ArrayList<>();
  private final List<String> rejected = new ArrayList<>();
  private volatile boolean closed;

  private record Carrier(
      ReturnLabelProvider provider, LoadedCarrier loaded, ClassLoader classLoader) {}

  private PluginHost(Builder builder) {
    this.callTimeout = builder.callTimeout;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            builder.maxConcurrentCalls,
            builder.maxConcurrentCalls,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(builder.maxQueuedCalls),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "ticketdesk-plugin-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.executor.allowCoreThreadTimeOut(true);
  }

  /**
   * Loads the plugins on the class path and in {@code pluginsDirectory}.
   *
   * @param pluginsDirectory directory of plugin jars; may be null or missing (then none)
   * @param config configuration per plugin name, handed to each plugin as its {@link PluginContext}
   * @param callTimeout how long one plugin call may take
   */
  public static PluginHost load(
      Path pluginsDirectory, Map<String, Map<String, String>> config, Duration callTimeout) {
    return builder()
        .pluginsDirectory(pluginsDirectory)
        .config(config)
        .callTimeout(callTimeout)
        .load();
  }

  /** A builder to load plugins with more options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Options for loading plugins. */
  public static final class Builder {
    private Path pluginsDirectory;
    private Map<String, Map<String, String>> config = Map.of();
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private ClassLoader classPath = PluginHost.class.getClassLoader();
    private int maxConcurrentCalls = 16;
    private int maxQueuedCalls = 64;

    private Builder() {}

    /** Directory of plugin jars; null or a missing directory means none. */
    public Builder pluginsDirectory(Path directory) {
      this.pluginsDirectory = directory;
      return this;
    }

    /** Configuration per plugin name. */
    public Builder config(Map<String, Map<String, String>> config) {
      Map<String, Map<String, String>> copy = new LinkedHashMap<>();
      requireNonNull(config, "config is null").forEach((k, v) -> copy.put(k, Map.copyOf(v)));
      this.config = Collections.unmodifiableMap(copy);
      return this;
    }

    /** How long one plugin call may take (default 10 s). */
    public Builder callTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout is null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.callTimeout = timeout;
      return this;
    }

    /**
     * The class loader whose plugins (found by {@link ServiceLoader}) load as shipped plugins; null
     * loads none from the class path. Default: the host's own class loader.
     */
    public Builder classPath(ClassLoader loader) {
      this.classPath = loader;
      return this;
    }

    /** How many plugin calls may run at once (default 16) and wait in line (default 64). */
    public Builder maxConcurrentCalls(int running, int queued) {
      if (running < 1 || queued < 1) {
        throw new IllegalArgumentException("running and queued must be positive");
      }
      this.maxConcurrentCalls = running;
      this.maxQueuedCalls = queued;
      return this;
    }

    /** Loads the plugins; failures of single plugins are logged and listed, never thrown. */
    public PluginHost load() {
      PluginHost host = new PluginHost(this);
      if (classPath != null) {
        host.loadFromClassPath(classPath, config);
      }
      if (pluginsDirectory != null) {
        host.loadFromDirectory(pluginsDirectory, config);
      }
      LOG.info(
          "Plugins loaded: {} plugin(s) {}, carriers {}, {} text-module set(s), {} rejected",
          host.plugins.size(),
          host.plugins.keySet(),
          host.carriers.keySet(),
          host.textModuleSets.size(),
          host.rejected.size());
      return host;
    }
  }

  /** The plugins that were accepted, in load order. */
  public List<LoadedPlugin> plugins() {
    return List.copyOf(plugins.values());
  }

  /** The return-label carriers that were loaded, in load order. */
  public List<LoadedCarrier> carriers() {
    return carriers.values().stream().map(Carrier::loaded).toList();
  }

  /** The default text-module sets all plugins contribute. */
  public List<TextModuleSet> textModuleSets() {
    return List.copyOf(textModuleSets);
  }

  /** Why plugins, jars or carriers were rejected while loading, one sentence each. */
  public List<String> rejected() {
    return List.copyOf(rejected);
  }

  /**
   * Whether {@code carrier} makes labels for that storefront and route.
   *
   * @throws UnknownCarrierException when no such carrier is loaded
   * @throws PluginCallException when the plugin fails to answer
   */
  public boolean supports(String carrier, String storefront, String fromCountry, String toCountry) {
    requireNonNull(storefront, "storefront is null");
    requireNonNull(fromCountry, "fromCountry is null");
    requireNonNull(toCountry, "toCountry is null");
    Carrier c = carrier(carrier);
    try {
      return call(
          c.loaded().pluginName(),
          c.loaded().carrier(),
          c.classLoader(),
          () -> c.provider().supports(storefront, fromCountry, toCountry));
    } catch (PluginCallException e) {
      LOG.warn("Plugin call failed: {}", e.getMessage());
      throw e;
    }
  }

  /**
   * Makes a return label with {@code carrier}.
   *
   * @throws UnknownCarrierException when no such carrier is loaded
   * @throws PluginCallException when the plugin throws, times out or returns an invalid label
   */
  public ReturnLabel createLabel(String carrier, ReturnLabelRequest request) {
    requireNonNull(request, "request is null");
    Carrier c = carrier(carrier);
    String pluginName = c.loaded().pluginName();
    ReturnLabel label;
    try {
      label =
          call(
              pluginName,
              c.loaded().carrier(),
              c.classLoader(),
              () -> c.provider().createLabel(request));
    } catch (PluginCallException e) {
      LOG.warn("Plugin call failed: {}", e.getMessage());
      throw e;
    }
    Optional<String> problem = ReturnLabelCheck.problem(label, c.loaded().carrier());
    if (problem.isPresent()) {
      PluginCallException e =
          new PluginCallException(
              pluginName,
              c.loaded().carrier(),
              PluginCallException.Failure.INVALID_RESULT,
              problem.get(),
              null);
      LOG.warn("Plugin call failed: {}", e.getMessage());
      throw e;
    }
    return label;
  }

  private Carrier carrier(String name) {
    requireNonNull(name, "carrier is null");
    if (closed) {
      throw new IllegalStateException("plugin host is closed");
    }
    Carrier c = carriers.get(name);
    if (c == null) {
      throw new UnknownCarrierException(name);
    }
    return c;
  }

  /** Stops the call pool (interrupting running calls) and closes the plugin class loaders. */
  @Override
  public void close() {
    closed = true;
    executor.shutdownNow();
    for (URLClassLoader loader : jarLoaders) {
      try {
        loader.close();
      } catch (IOException e) {
        LOG.warn("Could not close plugin class loader {}: {}", loader.getName(), e.toString());
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Loading

  private void loadFromClassPath(ClassLoader loader, Map<String, Map<String, String>> config) {
    List<TicketdeskPlugin> found;
    try {
      found = discover(CLASS_PATH, loader);
    } catch (PluginCallException | ServiceConfigurationError e) {
      reject("plugins on the class path rejected: cannot be loaded: " + describe(e));
      return;
    }
    for (TicketdeskPlugin plugin : found) {
      register(plugin, CLASS_PATH, loader, config);
    }
  }

  private void loadFromDirectory(Path directory, Map<String, Map<String, String>> config) {
    if (!Files.isDirectory(directory)) {
      LOG.info("No plugins directory at {}; loading no plugin jars", directory.toAbsolutePath());
      return;
    }
    List<Path> jars = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.jar")) {
      stream.forEach(jars::add);
    } catch (IOException e) {
      reject("plugins directory " + directory + " rejected: cannot be listed: " + e);
      return;
    }
    jars.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path jar : jars) {
      loadJar(jar, config);
    }
  }

  private void loadJar(Path jar, Map<String, Map<String, String>> config) {
    String source = jar.getFileName().toString();
    try (JarFile ignored = new JarFile(jar.toFile())) {
      // Opened only to fail early and clearly on a file that is not a jar.
    } catch (IOException | SecurityException e) {
      reject("plugin jar " + source + " rejected: cannot be opened as a jar: " + e.getMessage());
      return;
    }
    URLClassLoader loader;
    try {
      loader =
          new URLClassLoader(
              "ticketdesk-plugin:" + source,
              new URL[] {jar.toUri().toURL()},
              new SpiOnlyClassLoader(PluginHost.class.getClassLoader()));
    } catch (MalformedURLException e) {
      reject("plugin jar " + source + " rejected: cannot be loaded: " + e.getMessage());
      return;
    }
    List<TicketdeskPlugin> found;
    try {
      found = discover(source, loader);
    } catch (PluginCallException | ServiceConfigurationError e) {
      reject("plugin jar " + source + " rejected: cannot be loaded: " + describe(e));
      closeQuietly(loader);
      return;
    }
    if (found.isEmpty()) {
      reject(
          "plugin jar "
              + source
              + " rejected: it declares no "
              + TicketdeskPlugin.class.getName()
              + " in META-INF/services");
      closeQuietly(loader);
      return;
    }
    int accepted = 0;
    for (TicketdeskPlugin plugin : found) {
      if (register(plugin, source, loader, config)) {
        accepted++;
      }
    }
    if (accepted == 0) {
      closeQuietly(loader);
    } else {
      jarLoaders.add(loader);
    }
  }

  /** Instantiates every plugin the loader declares, itself guarded by the call timeout. */
  private List<TicketdeskPlugin> discover(String source, ClassLoader loader) {
    return call(
        source,
        null,
        loader,
        () -> {
          List<TicketdeskPlugin> found = new ArrayList<>();
          Iterator<TicketdeskPlugin> it =
              ServiceLoader.load(TicketdeskPlugin.class, loader).iterator();
          while (it.hasNext()) {
            found.add(it.next());
          }
          return found;
        });
  }

  private boolean register(
      TicketdeskPlugin plugin,
      String source,
      ClassLoader loader,
      Map<String, Map<String, String>> config) {
    String label = plugin.getClass().getName() + " (" + source + ")";
    String name;
    String apiVersion;
    try {
      name = call(label, null, loader, plugin::name);
      apiVersion = call(label, null, loader, plugin::apiVersion);
    } catch (PluginCallException e) {
      reject("plugin " + label + " rejected: " + e.reason());
      return false;
    }
    if (name == null || !PLUGIN_NAME.matcher(name).matches()) {
      reject("plugin " + label + " rejected: invalid name '" + name + "'");
      return false;
    }
    String who = "plugin " + name + " (" + source + ")";
    if (plugins.containsKey(name)) {
      reject(
          who
              + " rejected: a plugin of that name is already loaded from "
              + plugins.get(name).source());
      return false;
    }
    ApiVersion version;
    try {
      version = ApiVersion.parse(String.valueOf(apiVersion));
    } catch (IllegalArgumentException e) {
      reject(who + " rejected: apiVersion " + e.getMessage());
      return false;
    }
    if (!hostVersion.accepts(version)) {
      reject(
          who
              + " rejected: built against SPI "
              + version
              + ", this host supports SPI "
              + hostVersion
              + " (same major, minor up to "
              + hostVersion.minor()
              + ")");
      return false;
    }
    PluginContext context = new PluginContext(API_VERSION, config.getOrDefault(name, Map.of()));
    List<ReturnLabelProvider> providers;
    List<TextModuleSet> sets;
    try {
      providers = call(name, null, loader, () -> plugin.returnLabelProviders(context));
      sets = call(name, null, loader, () -> plugin.textModuleSets(context));
    } catch (PluginCallException e) {
      reject(who + " rejected: its factories failed: " + e.reason());
      return false;
    }
    if (providers == null || sets == null) {
      reject(who + " rejected: a factory returned null instead of a list");
      return false;
    }
    // Own copies: the plugin keeps no handle on what the host holds.
    providers = new ArrayList<>(providers);
    sets = new ArrayList<>(sets);
    if (providers.stream().anyMatch(Objects::isNull) || sets.stream().anyMatch(Objects::isNull)) {
      reject(who + " rejected: a factory returned a list with null elements");
      return false;
    }
    if (providers.isEmpty() && sets.isEmpty()) {
      reject(who + " rejected: it registers nothing (no return-label provider, no text modules)");
      return false;
    }
    String pluginVersion =
        Optional.ofNullable(plugin.getClass().getPackage())
            .map(Package::getImplementationVersion)
            .orElse("unknown");
    Map<String, Carrier> accepted = new LinkedHashMap<>();
    for (ReturnLabelProvider provider : providers) {
      String carrier;
      try {
        carrier = call(name, null, loader, provider::carrier);
      } catch (PluginCallException e) {
        reject(who + " rejected: a provider's carrier() failed: " + e.reason());
        return false;
      }
      if (carrier == null || !CARRIER_NAME.matcher(carrier).matches()) {
        reject(who + " rejected: invalid carrier name '" + carrier + "'");
        return false;
      }
      if (carriers.containsKey(carrier) || accepted.containsKey(carrier)) {
        String owner =
            carriers.containsKey(carrier) ? carriers.get(carrier).loaded().pluginName() : name;
        reject(who + ": carrier " + carrier + " rejected: already provided by plugin " + owner);
        continue;
      }
      accepted.put(
          carrier,
          new Carrier(
              provider,
              new LoadedCarrier(carrier, name, pluginVersion, version.toString()),
              loader));
    }
    if (accepted.isEmpty() && sets.isEmpty()) {
      reject(who + " rejected: none of its carriers could be registered");
      return false;
    }
    carriers.putAll(accepted);
    textModuleSets.addAll(sets);
    plugins.put(name, new LoadedPlugin(name, pluginVersion, version.toString(), source));
    LOG.info(
        "Loaded plugin {} {} (SPI {}) from {}: carriers {}, {} text-module set(s)",
        name,
        pluginVersion,
        version,
        source,
        accepted.keySet(),
        sets.size());
    return true;
  }

  private void reject(String reason) {
    LOG.warn("{}", reason);
    rejected.add(reason);
  }

  private static String describe(Throwable e) {
    if (e instanceof PluginCallException p) {
      return p.reason();
    }
    return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      LOG.debug("Could not close {}: {}", loader.getName(), e.toString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Guarded calls

  /**
   * Runs {@code action} on the pool with the plugin's class loader as context class loader, and
   * waits at most the call timeout; a late call is cancelled, which interrupts its thread.
   */
  private <T> T call(String pluginName, String carrier, ClassLoader loader, Callable<T> action) {
    Future<T> future;
    try {
      future =
          executor.submit(
              () -> {
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(loader);
                try {
                  return action.call();
                } finally {
                  thread.setContextClassLoader(previous);
                }
              });
    } catch (RejectedExecutionException e) {
      throw failed(
          pluginName,
          carrier,
          PluginCallException.Failure.BUSY,
          closed ? "the plugin host is closed" : "too many plugin calls in flight, try again",
          e);
    }
    try {
      return future.get(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw failed(
          pluginName,
          carrier,
          PluginCallException.Failure.TIMED_OUT,
          "did not answer within " + callTimeout.toMillis() + " ms",
          null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw failed(
          pluginName,
          carrier,
          PluginCallException.Failure.THREW,
          "threw "
              + cause.getClass().getName()
              + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
          cause);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw failed(
          pluginName,
          carrier,
          PluginCallException.Failure.INTERRUPTED,
          "the caller was interrupted while waiting",
          e);
    }
  }

  private static PluginCallException failed(
      String pluginName,
      String carrier,
      PluginCallException.Failure failure,
      String reason,
      Throwable cause) {
    // Not logged here: load-time failures become one rejection line, carrier calls log below.
    return new PluginCallException(pluginName, carrier, failure, reason, cause);
  }
}
