package io.ticketdesk.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A receiver of signed events: its owner (a seller, or the marketplace when {@code owner} is null),
 * whose events it receives ({@code seller}; null: every seller's, for the marketplace only), the
 * URL, the event types, its status and signing keys (the previous key stays valid until {@code
 * previousKeyUntil} after a rotation).
 */
public record WebhookEndpoint(
    long id,
    SellerId owner,
    SellerId seller,
    String url,
    Set<EventType> types,
    Status status,
    String disabledReason,
    byte[] key,
    byte[] previousKey,
    Instant previousKeyUntil,
    Instant failingSince,
    Instant createdAt,
    Instant updatedAt) {

  public static final int MAX_URL_LENGTH = 2_000;

  /** Whether deliveries go out. */
  public enum Status implements WireEnum {
    ACTIVE,
    PAUSED,
    DISABLED
  }

  public WebhookEndpoint {
    Validation.required(url, "url");
    Validation.required(types, "events");
    if (types.isEmpty()) {
      throw Validation.invalid("events must name at least one event type");
    }
    types = Set.copyOf(EnumSet.copyOf(types));
    Validation.required(status, "status");
    Validation.required(key, "key");
    Validation.required(createdAt, "createdAt");
    Validation.required(updatedAt, "updatedAt");
    if (owner != null && !owner.equals(seller)) {
      throw new IllegalArgumentException("a seller's endpoint receives that seller's events");
    }
    if ((status == Status.DISABLED) != (disabledReason != null)) {
      throw new IllegalArgumentException("a disabled endpoint says why, and only it");
    }
  }

  /** Checks a receiver's URL: absolute, https (or http when {@code allowInsecure}), a host. */
  public static String checkUrl(String url, boolean allowInsecure) {
    Validation.requiredText(url, "url", MAX_URL_LENGTH);
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw field("url is not a valid URI");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowInsecure && scheme.equals("http"))) {
      throw field(
          allowInsecure
              ? "url must be an http or https URL"
              : "url must be an https URL (http only when the operator allows insecure webhooks)");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw field("url must name a host");
    }
    if (uri.getUserInfo() != null || uri.getFragment() != null) {
      throw field("url must not carry user info or a fragment");
    }
    return url;
  }

  private static DomainException field(String message) {
    return new DomainException(ErrorCode.VALIDATION, message, java.util.Map.of("field", "url"));
  }

  /** Whether this endpoint takes the event (any status but disabled; paused ones keep it). */
  public boolean receives(DomainEvent e) {
    return status != Status.DISABLED
        && types.contains(e.type())
        && (seller == null || seller.equals(e.sellerId()));
  }

  /** Whether {@code actor} owns this endpoint. */
  public boolean ownedBy(Actor actor) {
    if (actor.is(Role.MARKETPLACE)) {
      return owner == null;
    }
    return actor.is(Role.SELLER) && actor.sellerId().orElseThrow().equals(owner);
  }

  /** The keys to sign with now: the current one and, within its grace period, the previous. */
  public List<byte[]> signingKeys(Instant now) {
    List<byte[]> keys = new ArrayList<>(2);
    keys.add(key);
    if (previousKey != null && previousKeyUntil != null && now.isBefore(previousKeyUntil)) {
      keys.add(previousKey);
    }
    return keys;
  }

  public WebhookEndpoint withStatus(Status next, String reason, Instant at) {
    return new WebhookEndpoint(
        id,
        owner,
        seller,
        url,
        types,
        next,
        next == Status.DISABLED ? reason : null,
        key,
        previousKey,
        previousKeyUntil,
        next == Status.ACTIVE ? null : failingSince,
        createdAt,
        at);
  }

  public WebhookEndpoint withTarget(String newUrl, Set<EventType> newTypes, Instant at) {
    return new WebhookEndpoint(
        id,
        owner,
        seller,
        newUrl,
        newTypes,
        status,
        disabledReason,
        key,
        previousKey,
        previousKeyUntil,
        failingSince,
        createdAt,
        at);
  }

  /** A new key; the current one stays valid for {@code grace}. */
  public WebhookEndpoint rotated(byte[] newKey, Duration grace, Instant at) {
    return new WebhookEndpoint(
        id,
        owner,
        seller,
        url,
        types,
        status,
        disabledReason,
        newKey,
        key,
        at.plus(grace),
        failingSince,
        createdAt,
        at);
  }

  /**
   * After an attempt: a success clears the failing streak; 410 Gone disables the endpoint; another
   * failure starts or continues the streak, and a streak of {@code disableAfter} disables it.
   */
  public WebhookEndpoint afterAttempt(AttemptResult r, Duration disableAfter, Instant at) {
    if (r.succeeded()) {
      return failingSince == null ? this : copy(status, null, null, at);
    }
    if (r.gone()) {
      return copy(Status.DISABLED, "the receiver answered 410 Gone at " + at, failingSince, at);
    }
    Instant since = failingSince == null ? at : failingSince;
    if (status != Status.DISABLED && !at.isBefore(since.plus(disableAfter))) {
      return copy(
          Status.DISABLED,
          "every delivery failed since " + since + "; last: " + r.describe(),
          since,
          at);
    }
    return since.equals(failingSince) ? this : copy(status, disabledReason, since, at);
  }

  private WebhookEndpoint copy(Status s, String reason, Instant failing, Instant at) {
    return new WebhookEndpoint(
        id,
        owner,
        seller,
        url,
        types,
        s,
        reason,
        key,
        previousKey,
        previousKeyUntil,
        failing,
        createdAt,
        at);
  }
}
