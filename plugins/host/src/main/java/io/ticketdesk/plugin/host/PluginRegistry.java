package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.ReturnLabelLimits;
import io.ticketdesk.plugin.api.ReturnLabelProvider;
import io.ticketdesk.plugin.api.TextModuleSet;
import io.ticketdesk.plugin.api.TicketdeskPlugin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which plugins and carriers are accepted, and holds them: a plugin needs a valid unique
 * name, a supported SPI version, working factories and at least one contribution; a carrier needs a
 * valid name no other plugin took. Each accepted plugin gets its own {@link Bulkhead}.
 */
final class PluginRegistry implements AutoCloseable {

  /** A loaded carrier: the provider, where it came from, and its plugin's bulkhead. */
  record Carrier(
      ReturnLabelProvider provider,
      LoadedCarrier loaded,
      ClassLoader classLoader,
      Bulkhead calls) {}

  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
  private static final Pattern PLUGIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private final ApiVersion hostVersion = ApiVersion.parse(PluginHost.API_VERSION);
  private final Bulkhead loading;
  private final Bulkhead.Limits defaultLimits;
  private final Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();
  private final Map<String, Bulkhead> bulkheads = new LinkedHashMap<>();
  private final Map<String, Carrier> carriers = new LinkedHashMap<>();
  private final List<TextModuleSet> textModuleSets = new ArrayList<>();
  private final List<String> rejected = new ArrayList<>();

  /**
   * @param loading where load-time calls (name, version, factories) run
   * @param defaultLimits each plugin's limits unless its configuration says otherwise
   */
  PluginRegistry(Bulkhead loading, Bulkhead.Limits defaultLimits) {
    this.loading = requireNonNull(loading, "loading is null");
    this.defaultLimits = requireNonNull(defaultLimits, "defaultLimits is null");
  }

  Map<String, LoadedPlugin> plugins() {
    return plugins;
  }

  Map<String, Carrier> carriers() {
    return carriers;
  }

  List<TextModuleSet> textModuleSets() {
    return textModuleSets;
  }

  List<String> rejected() {
    return rejected;
  }

  /** Logs and lists why something was not loaded. */
  void reject(String reason) {
    LOG.warn("{}", reason);
    rejected.add(reason);
  }

  /** Registers {@code plugin}, or rejects it with one log line; true when it was accepted. */
  boolean register(
      TicketdeskPlugin plugin,
      String source,
      ClassLoader loader,
      Map<String, Map<String, String>> config) {
    String label = plugin.getClass().getName() + " (" + source + ")";
    String name;
    String apiVersion;
    try {
      name = loading.call(label, null, loader, plugin::name);
      apiVersion = loading.call(label, null, loader, plugin::apiVersion);
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
    Map<String, String> own = config.getOrDefault(name, Map.of());
    Bulkhead.Limits limits;
    try {
      limits = PluginLimits.of(own, defaultLimits);
    } catch (IllegalArgumentException e) {
      reject(who + " rejected: " + e.getMessage());
      return false;
    }
    PluginContext context = new PluginContext(PluginHost.API_VERSION, PluginLimits.without(own));
    List<ReturnLabelProvider> providers;
    List<TextModuleSet> sets;
    try {
      providers = loading.call(name, null, loader, () -> plugin.returnLabelProviders(context));
      sets = loading.call(name, null, loader, () -> plugin.textModuleSets(context));
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
    Bulkhead calls = new Bulkhead(name, limits);
    Map<String, Carrier> accepted = new LinkedHashMap<>();
    for (ReturnLabelProvider provider : providers) {
      String carrier;
      try {
        carrier = loading.call(name, null, loader, provider::carrier);
      } catch (PluginCallException e) {
        reject(who + " rejected: a provider's carrier() failed: " + e.reason());
        calls.close();
        return false;
      }
      if (!ReturnLabelLimits.isCarrierName(carrier)) {
        reject(who + " rejected: invalid carrier name '" + carrier + "'");
        calls.close();
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
              loader,
              calls));
    }
    if (accepted.isEmpty() && sets.isEmpty()) {
      reject(who + " rejected: none of its carriers could be registered");
      calls.close();
      return false;
    }
    carriers.putAll(accepted);
    textModuleSets.addAll(sets);
    bulkheads.put(name, calls);
    plugins.put(name, new LoadedPlugin(name, pluginVersion, version.toString(), source));
    LOG.info(
        "Loaded plugin {} {} (SPI {}) from {}: carriers {}, {} text-module set(s);"
            + " up to {} concurrent and {} queued calls, timeout {} ms",
        name,
        pluginVersion,
        version,
        source,
        accepted.keySet(),
        sets.size(),
        limits.maxConcurrentCalls(),
        limits.maxQueuedCalls(),
        limits.callTimeout().toMillis());
    return true;
  }

  /** Closes every plugin's bulkhead, interrupting running calls. */
  @Override
  public void close() {
    bulkheads.values().forEach(Bulkhead::close);
  }
}
