/**
 * The Ticketdesk plugin SPI: JDK-only types a plugin implements or exchanges with the host.
 *
 * <p>Versioned {@code major.minor} ({@link io.ticketdesk.plugin.api.TicketdeskPlugin#API_VERSION}):
 * a minor version only adds (new default methods, new types); a major version may break.
 *
 * @since 1.0
 */
package io.ticketdesk.plugin.api;
