package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An SPI version {@code major.minor} and the rule which plugin versions a host accepts. */
record ApiVersion(int major, int minor) {

  private static final Pattern FORMAT = Pattern.compile("(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})");

  static ApiVersion parse(String text) {
    requireNonNull(text, "text is null");
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a major.minor version: '" + text + "'");
    }
    return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** A host accepts a plugin built against the same major and the same or an older minor. */
  boolean accepts(ApiVersion plugin) {
    return plugin.major == major && plugin.minor <= minor;
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
