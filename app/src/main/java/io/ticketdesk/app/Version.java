package io.ticketdesk.app;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code --version}. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"ticketdesk " + (v == null ? "development build" : v)};
  }
}
