package io.ticketdesk.plugin.api;

/**
 * A carrier that makes prepaid return labels.
 *
 * <p>The host calls it from its own threads with a timeout; an implementation must be safe to call
 * concurrently and should react to interruption (a timed-out call's thread is interrupted).
 *
 * @since 1.0
 */
public interface ReturnLabelProvider {

  /**
   * The carrier's unique name as shown to sellers and chosen in API calls, e.g. {@code dhl-de}.
   *
   * @since 1.0
   */
  String carrier();

  /**
   * Whether this carrier makes labels for a return on that storefront between these countries.
   *
   * @param storefront the storefront code, e.g. {@code de}
   * @param fromCountry ISO 3166-1 alpha-2 country the parcel leaves (the buyer's)
   * @param toCountry ISO 3166-1 alpha-2 country the parcel goes to (the seller's return address)
   * @since 1.0
   */
  boolean supports(String storefront, String fromCountry, String toCountry);

  /**
   * Makes a label for the request; throws on failure (the host turns that into an error for this
   * call only).
   *
   * @since 1.0
   */
  ReturnLabel createLabel(ReturnLabelRequest request);
}
