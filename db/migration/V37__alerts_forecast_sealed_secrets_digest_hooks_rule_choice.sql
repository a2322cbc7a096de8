-- Issue 16, second slice: the forecast rule, webhook secrets sealed at rest, the digest by webhook, and which rules a
-- person receives.
INSERT INTO alert_rule (rule_key, enabled, threshold) VALUES ('forecast-not-on-track', TRUE, 0);

-- A webhook's signing secret sealed with TANDEM_SECRET_KEY (AES-256-GCM, as connector secrets). The plain column
-- `secret` of rows stored before this migration is sealed at start-up once the key is set, and read as is until then.
ALTER TABLE alert_channel ADD COLUMN secret_cipher VARCHAR(1000);
ALTER TABLE alert_channel ADD COLUMN secret_salt VARCHAR(64);
-- What a channel receives: alerts (as before) and, when chosen, the weekly digest of the organisation.
ALTER TABLE alert_channel ADD COLUMN alerts BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE alert_channel ADD COLUMN digest BOOLEAN DEFAULT FALSE NOT NULL;

-- The rules a person chose not to receive (a rule added later reaches everyone until they switch it off).
CREATE TABLE alert_subscription_muted (
    user_id   BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    rule_key  VARCHAR(50) NOT NULL,
    CONSTRAINT alert_subscription_muted_pk PRIMARY KEY (user_id, rule_key)
);
