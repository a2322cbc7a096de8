-- A daily source may write one day in several parts that arrive in separate files (Kiro writes one file per client
-- type per day: KIRO_IDE_…csv, KIRO_CLI_…csv). The part ('' for sources that send the whole day at once) is part of
-- the key of what an import replaces; the day is the sum of its parts. The primary key is rebuilt by creating the
-- table anew (its constraint's name differs between H2 and PostgreSQL, so it is not dropped by name).
CREATE TABLE usage_day_parted (
    developer_id    BIGINT NOT NULL REFERENCES developer (id),
    tool_key        VARCHAR(50) NOT NULL REFERENCES tool (tool_key),
    usage_date      DATE NOT NULL,
    source          VARCHAR(50) NOT NULL,
    part            VARCHAR(100) DEFAULT '' NOT NULL,
    active          BOOLEAN NOT NULL,
    interactions    BIGINT,
    accepted_lines  BIGINT,
    batch_id        BIGINT REFERENCES import_batch (id),
    PRIMARY KEY (developer_id, tool_key, usage_date, source, part),
    CONSTRAINT usage_day_part_interactions CHECK (interactions IS NULL OR interactions >= 0),
    CONSTRAINT usage_day_part_lines CHECK (accepted_lines IS NULL OR accepted_lines >= 0)
);
INSERT INTO usage_day_parted (developer_id, tool_key, usage_date, source, part, active, interactions, accepted_lines, batch_id)
    SELECT developer_id, tool_key, usage_date, source, '', active, interactions, accepted_lines, batch_id FROM usage_day;
DROP TABLE usage_day;
ALTER TABLE usage_day_parted RENAME TO usage_day;
CREATE INDEX usage_day_batch_idx ON usage_day (batch_id);

CREATE TABLE import_prior_usage_day_parted (
    batch_id        BIGINT NOT NULL REFERENCES import_batch (id),
    developer_id    BIGINT NOT NULL,
    tool_key        VARCHAR(50) NOT NULL,
    usage_date      DATE NOT NULL,
    source          VARCHAR(50) NOT NULL,
    part            VARCHAR(100) DEFAULT '' NOT NULL,
    existed         BOOLEAN NOT NULL,
    active          BOOLEAN,
    interactions    BIGINT,
    accepted_lines  BIGINT,
    prior_batch_id  BIGINT,
    PRIMARY KEY (batch_id, developer_id, tool_key, usage_date, source, part)
);
INSERT INTO import_prior_usage_day_parted (batch_id, developer_id, tool_key, usage_date, source, part, existed, active,
        interactions, accepted_lines, prior_batch_id)
    SELECT batch_id, developer_id, tool_key, usage_date, source, '', existed, active, interactions, accepted_lines,
        prior_batch_id FROM import_prior_usage_day;
DROP TABLE import_prior_usage_day;
ALTER TABLE import_prior_usage_day_parted RENAME TO import_prior_usage_day;

-- Held rows keep their part, so that a row applied once its identity is mapped replaces the same part.
ALTER TABLE unmatched_row ADD COLUMN discriminator VARCHAR(100) DEFAULT '' NOT NULL;
