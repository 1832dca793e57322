-- Revoked tokens (RevokeTokenUseCase, `token revoke`): kept, so their hash stays taken, but no
-- longer found by authentication. Every node stops accepting a revoked token within the
-- authentication cache's 10 s (docs/operations.md "Several instances").
ALTER TABLE access_tokens ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
