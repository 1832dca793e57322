package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabel;
import io.ticketdesk.plugin.api.ReturnLabelRequest;
import io.ticketdesk.plugin.api.TextModuleSet;
import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads Ticketdesk plugins and calls them safely.
 *
 * <p>Plugins come from the host's class path (the ones shipped inside the application) and from
 * every {@code *.jar} in a plugins directory ({@link PluginLoader}). A plugin is rejected, with a
 * log line and an entry in {@link #rejected()}, when its SPI version is not supported, it registers
 * nothing, it cannot be loaded or it repeats a plugin or carrier name already loaded ({@link
 * PluginRegistry}). Every call into a plugin runs in that plugin's own {@link Bulkhead} (bounded
 * threads and waiting line, a timeout); a plugin that throws, hangs, is flooded or returns garbage
 * fails that call with a {@link PluginCallException} and harms no other plugin.
 */
public final class PluginHost implements AutoCloseable {

  /** The SPI version this host implements. */
  public static final String API_VERSION = TicketdeskPlugin.API_VERSION;

  /** How long a plugin call may take unless configured otherwise. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(10);

  /** How many calls into one plugin may run at once unless configured otherwise. */
  public static final int DEFAULT_MAX_CONCURRENT_CALLS = 8;

  /** How many calls into one plugin may wait for a thread unless configured otherwise. */
  public static final int DEFAULT_MAX_QUEUED_CALLS = 8;

  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

  private final PluginRegistry registry;
  private final List<PluginLoader.Found> sources = new ArrayList<>();
  private volatile boolean closed;

  private PluginHost(PluginRegistry registry) {
    this.registry = registry;
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
    private int maxConcurrentCalls = DEFAULT_MAX_CONCURRENT_CALLS;
    private int maxQueuedCalls = DEFAULT_MAX_QUEUED_CALLS;

    private Builder() {}

    /** Directory of plugin jars; null or a missing directory means none. */
    public Builder pluginsDirectory(Path directory) {
      this.pluginsDirectory = directory;
      return this;
    }

    /**
     * Configuration per plugin name. The keys {@code callTimeout}, {@code maxConcurrentCalls} and
     * {@code maxQueuedCalls} set that plugin's limits and are not passed on to it.
     */
    public Builder config(Map<String, Map<String, String>> config) {
      Map<String, Map<String, String>> copy = new LinkedHashMap<>();
      requireNonNull(config, "config is null").forEach((k, v) -> copy.put(k, Map.copyOf(v)));
      this.config = Collections.unmodifiableMap(copy);
      return this;
    }

    /** How long one plugin call may take (default 10 s), unless the plugin's config says. */
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

    /**
     * How many calls into <em>each</em> plugin may run at once (default 8) and wait in line
     * (default 8), unless the plugin's config says; more calls into that plugin are refused as
     * {@code BUSY}.
     */
    public Builder maxConcurrentCalls(int running, int queued) {
      if (running < 1 || queued < 0) {
        throw new IllegalArgumentException("running must be positive and queued not negative");
      }
      this.maxConcurrentCalls = running;
      this.maxQueuedCalls = queued;
      return this;
    }

    /** Loads the plugins; failures of single plugins are logged and listed, never thrown. */
    public PluginHost load() {
      Bulkhead.Limits limits = new Bulkhead.Limits(maxConcurrentCalls, maxQueuedCalls, callTimeout);
      PluginHost host;
      try (Bulkhead loading = new Bulkhead("loading", limits)) {
        PluginRegistry registry = new PluginRegistry(loading, limits);
        host = new PluginHost(registry);
        PluginLoader loader = new PluginLoader(loading, registry::reject);
        List<PluginLoader.Found> found = new ArrayList<>();
        if (classPath != null) {
          found.addAll(loader.fromClassPath(classPath));
        }
        if (pluginsDirectory != null) {
          found.addAll(loader.fromDirectory(pluginsDirectory));
        }
        for (PluginLoader.Found source : found) {
          int accepted = 0;
          for (TicketdeskPlugin plugin : source.plugins()) {
            if (registry.register(plugin, source.source(), source.loader(), config)) {
              accepted++;
            }
          }
          if (accepted == 0) {
            source.release();
          } else {
            host.sources.add(source);
          }
        }
      }
      LOG.info(
          "Plugins loaded: {} plugin(s) {}, carriers {}, {} text-module set(s), {} rejected",
          host.registry.plugins().size(),
          host.registry.plugins().keySet(),
          host.registry.carriers().keySet(),
          host.registry.textModuleSets().size(),
          host.registry.rejected().size());
      return host;
    }
  }

  /** The plugins that were accepted, in load order. */
  public List<LoadedPlugin> plugins() {
    return List.copyOf(registry.plugins().values());
  }

  /** The return-label carriers that were loaded, in load order. */
  public List<LoadedCarrier> carriers() {
    return registry.carriers().values().stream().map(PluginRegistry.Carrier::loaded).toList();
  }

  /** The default text-module sets all plugins contribute. */
  public List<TextModuleSet> textModuleSets() {
    return List.copyOf(registry.textModuleSets());
  }

  /** Why plugins, jars or carriers were rejected while loading, one sentence each. */
  public List<String> rejected() {
    return List.copyOf(registry.rejected());
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
    PluginRegistry.Carrier c = carrier(carrier);
    try {
      return c.calls()
          .call(
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
   * @throws PluginCallException when the plugin throws, times out, is busy or returns an invalid
   *     label
   */
  public ReturnLabel createLabel(String carrier, ReturnLabelRequest request) {
    requireNonNull(request, "request is null");
    PluginRegistry.Carrier c = carrier(carrier);
    String pluginName = c.loaded().pluginName();
    try {
      ReturnLabel label =
          c.calls()
              .call(
                  pluginName,
                  c.loaded().carrier(),
                  c.classLoader(),
                  () -> c.provider().createLabel(request));
      Optional<String> problem = ReturnLabelCheck.problem(label, c.loaded().carrier());
      if (problem.isPresent()) {
        throw new PluginCallException(
            pluginName,
            c.loaded().carrier(),
            PluginCallException.Failure.INVALID_RESULT,
            problem.get(),
            null);
      }
      return label;
    } catch (PluginCallException e) {
      LOG.warn("Plugin call failed: {}", e.getMessage());
      throw e;
    }
  }

  private PluginRegistry.Carrier carrier(String name) {
    requireNonNull(name, "carrier is null");
    if (closed) {
      throw new IllegalStateException("plugin host is closed");
    }
    PluginRegistry.Carrier c = registry.carriers().get(name);
    if (c == null) {
      throw new UnknownCarrierException(name);
    }
    return c;
  }

  /** Stops every plugin's calls (interrupting running ones) and closes the plugin class loaders. */
  @Override
  public void close() {
    closed = true;
    registry.close();
    sources.forEach(PluginLoader.Found::release);
  }
}
