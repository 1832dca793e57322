package io.ticketdesk.plugins.textmodules;

import io.ticketdesk.plugin.api.PluginContext;
import io.ticketdesk.plugin.api.TextModuleSet;
import io.ticketdesk.plugin.testkit.TextModuleSetContract;
import java.util.List;
import java.util.Map;

/** All seven default sets keep the text-module contract of the testkit. */
class TextModulesContractTest extends TextModuleSetContract {

  @Override
  protected List<TextModuleSet> textModuleSets() {
    return new TextModulesPlugin().textModuleSets(PluginContext.of(Map.of()));
  }
}
