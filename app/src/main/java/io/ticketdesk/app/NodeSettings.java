package io.ticketdesk.app;

import io.ticketdesk.application.service.CoreSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How a node takes part in a cluster of nodes on one database: its name (the holder of the leases
 * on cluster-wide work, in logs), how often it looks for background work, and how often the cluster
 * purges idempotency keys. Part of {@link Settings}.
 */
final class NodeSettings {
  @Option(
      names = "--node-name",
      defaultValue = "${env:TICKETDESK_NODE_NAME}",
      description =
          "This node's name among the nodes on one database, at most 100 characters (default: node-"
              + " and 12 random hex digits per start). Env: TICKETDESK_NODE_NAME")
  String nodeName;

  @Option(
      names = "--background-poll",
      defaultValue = "${env:TICKETDESK_BACKGROUND_POLL:-30s}",
      description =
          "How often the node looks for background work: a due purge, a recomputation another node"
              + " left unfinished (default ${DEFAULT-VALUE}). Env: TICKETDESK_BACKGROUND_POLL")
  String backgroundPoll;

  @Option(
      names = "--idempotency-purge-interval",
      defaultValue = "${env:TICKETDESK_IDEMPOTENCY_PURGE_INTERVAL:-15m}",
      description =
          "How often the cluster (one node per turn) purges the idempotency keys past their"
              + " retention (default ${DEFAULT-VALUE}). Env: TICKETDESK_IDEMPOTENCY_PURGE_INTERVAL")
  String purgeInterval;

  String node() {
    if (nodeName == null || nodeName.isBlank()) {
      return CoreSettings.randomNode();
    }
    if (nodeName.strip().length() > 100) {
      throw new IllegalArgumentException("TICKETDESK_NODE_NAME must be at most 100 characters");
    }
    return nodeName.strip();
  }

  Duration backgroundPoll() {
    return Settings.duration(
        blankOr(backgroundPoll, "30s"), "TICKETDESK_BACKGROUND_POLL", "30s or PT1M");
  }

  Duration purgeInterval() {
    return Settings.duration(
        blankOr(purgeInterval, "15m"), "TICKETDESK_IDEMPOTENCY_PURGE_INTERVAL", "15m or PT1H");
  }

  private static String blankOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
