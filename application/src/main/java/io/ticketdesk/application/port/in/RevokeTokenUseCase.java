package io.ticketdesk.application.port.in;

import io.ticketdesk.domain.Actor;

/**
 * Use case: the marketplace revokes an API token. The token stops working at once on the node that
 * revokes it and within {@link AuthenticateUseCase#TRUSTED_FOR} on every other node.
 */
public interface RevokeTokenUseCase {
  /**
   * Revokes the token (given as issued, e.g. {@code tdk_…}); revoking it again changes nothing.
   *
   * @return whether the token was ever issued
   * @throws io.ticketdesk.domain.DomainException {@code forbidden} for a caller other than the
   *     marketplace
   */
  boolean revoke(Actor actor, String token);
}
