/**
 * Contract tests for Ticketdesk plugins: abstract JUnit 5 classes a plugin's tests extend ({@link
 * io.ticketdesk.plugin.testkit.ReturnLabelProviderContract}, {@link
 * io.ticketdesk.plugin.testkit.TextModuleSetContract}) and the plain rules behind them.
 *
 * @since 1.0
 */
package io.ticketdesk.plugin.testkit;
