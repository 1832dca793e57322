package io.ticketdesk.plugin.host;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A call into a plugin failed: it threw, did not answer in time, or returned an invalid result. The
 * failure concerns this call only; the host and other plugins go on.
 */
public final class PluginCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a plugin call failed. */
  public enum Failure {
    /** The plugin threw an exception or error. */
    THREW,
    /** The plugin did not answer within the call timeout; its thread was interrupted. */
    TIMED_OUT,
    /** The plugin answered with something the host does not accept (null, an invalid label). */
    INVALID_RESULT,
    /** Too many plugin calls are in flight; the call was not started. */
    BUSY,
    /** The calling thread was interrupted while waiting for the plugin. */
    INTERRUPTED
  }

  private final String pluginName;
  private final String carrier;
  private final Failure failure;
  private final String reason;

  PluginCallException(
      String pluginName, String carrier, Failure failure, String reason, Throwable cause) {
    super(describe(pluginName, carrier, reason), cause);
    this.pluginName = requireNonNull(pluginName, "pluginName is null");
    this.carrier = carrier;
    this.failure = requireNonNull(failure, "failure is null");
    this.reason = requireNonNull(reason, "reason is null");
  }

  private static String describe(String pluginName, String carrier, String reason) {
    return "plugin " + pluginName + (carrier == null ? "" : ", carrier " + carrier) + ": " + reason;
  }

  /** The plugin's name. */
  public String pluginName() {
    return pluginName;
  }

  /** The carrier the call was for, if it was a carrier call. */
  public Optional<String> carrier() {
    return Optional.ofNullable(carrier);
  }

  /** The kind of failure. */
  public Failure failure() {
    return failure;
  }

  /** What went wrong, in words, without the plugin and carrier names. */
  public String reason() {
    return reason;
  }
}
