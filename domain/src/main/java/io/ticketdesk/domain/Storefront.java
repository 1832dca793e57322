package io.ticketdesk.domain;

import java.time.ZoneId;
import java.util.Locale;

/** A national storefront (sales channel) of the marketplace. */
public enum Storefront implements WireEnum {
  DE("DE", "EUR", "de-DE", "Europe/Berlin"),
  AT("AT", "EUR", "de-AT", "Europe/Vienna"),
  CZ("CZ", "CZK", "cs-CZ", "Europe/Prague"),
  SK("SK", "EUR", "sk-SK", "Europe/Bratislava"),
  PL("PL", "PLN", "pl-PL", "Europe/Warsaw"),
  FR("FR", "EUR", "fr-FR", "Europe/Paris"),
  IT("IT", "EUR", "it-IT", "Europe/Rome");

  private final String country;
  private final String currency;
  private final Locale locale;
  private final ZoneId zone;

  Storefront(String country, String currency, String languageTag, String zone) {
    this.country = country;
    this.currency = currency;
    this.locale = Locale.forLanguageTag(languageTag);
    this.zone = ZoneId.of(zone);
  }

  public static Storefront of(String code) {
    return Validation.parseEnum(Storefront.class, code, "storefront", Storefront::wire);
  }

  public String code() {
    return wire();
  }

  /** ISO 3166-1 alpha-2 country code. */
  public String country() {
    return country;
  }

  /** ISO 4217 currency code. */
  public String currency() {
    return currency;
  }

  public Locale locale() {
    return locale;
  }

  public ZoneId zone() {
    return zone;
  }
}
