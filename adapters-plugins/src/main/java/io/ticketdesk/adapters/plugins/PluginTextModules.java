package io.ticketdesk.adapters.plugins;

import static java.util.Objects.requireNonNull;

import io.ticketdesk.application.port.out.DefaultTextModuleSource;
import io.ticketdesk.plugin.api.TextModuleSet;
import io.ticketdesk.plugin.host.PluginHost;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link DefaultTextModuleSource} by the plugin host. The source key is {@code
 * storefront:locale:key} so that a module keeps its identity across restarts.
 */
final class PluginTextModules implements DefaultTextModuleSource {
  private final PluginHost host;

  PluginTextModules(PluginHost host) {
    this.host = requireNonNull(host, "host is null");
  }

  @Override
  public List<DefaultTextModule> defaults() {
    List<DefaultTextModule> result = new ArrayList<>();
    for (TextModuleSet set : host.textModuleSets()) {
      for (io.ticketdesk.plugin.api.DefaultTextModule m : set.modules()) {
        result.add(
            new DefaultTextModule(
                set.storefront() + ":" + set.localeTag() + ":" + m.key(),
                set.storefront(),
                set.localeTag(),
                m.name(),
                m.body(),
                m.returnOptionType()));
      }
    }
    return result;
  }
}
