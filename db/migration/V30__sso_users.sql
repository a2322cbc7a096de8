-- Users who sign in with the organisation's identity provider (OpenID Connect): no password; found again by the
-- provider's issuer and subject, never by name, so a provider account cannot take over a local account.
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE app_user ADD COLUMN sso_issuer VARCHAR(500);
ALTER TABLE app_user ADD COLUMN sso_subject VARCHAR(255);
-- Access withdrawn because the last sign-in carried no mapped group (an admin's "disabled" is a different thing:
-- a later sign-in with a mapped group gives access back only when it was withdrawn this way).
ALTER TABLE app_user ADD COLUMN sso_revoked BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD CONSTRAINT app_user_sso_identity_unique UNIQUE (sso_issuer, sso_subject);
