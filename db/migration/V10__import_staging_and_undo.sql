-- Validated usage and change rows of an import in progress: staged in JDBC batches, checked and merged set-based, then removed.
CREATE TABLE import_stage (
    batch_id        BIGINT NOT NULL,
    line_no         BIGINT NOT NULL,
    row_kind        VARCHAR(20) NOT NULL,
    external_id     VARCHAR(320) NOT NULL,
    discriminator   VARCHAR(100) DEFAULT '' NOT NULL,
    tool_key        VARCHAR(50) NOT NULL,
    usage_date      DATE,
    week_start      DATE NOT NULL,
    week_end        DATE NOT NULL,
    active          BOOLEAN,
    active_days     SMALLINT,
    interactions    BIGINT,
    accepted_lines  BIGINT,
    changes         INTEGER,
    developer_id    BIGINT
);
CREATE INDEX import_stage_batch_idx ON import_stage (batch_id, external_id);

-- What a batch replaced, so that undo restores it: one row per key the batch wrote; existed = false when the batch created the row.
CREATE TABLE import_prior_usage_day (
    batch_id        BIGINT NOT NULL REFERENCES import_batch (id),
    developer_id    BIGINT NOT NULL,
    tool_key        VARCHAR(50) NOT NULL,
    usage_date      DATE NOT NULL,
    source          VARCHAR(50) NOT NULL,
    existed         BOOLEAN NOT NULL,
    active          BOOLEAN,
    interactions    BIGINT,
    accepted_lines  BIGINT,
    prior_batch_id  BIGINT,
    PRIMARY KEY (batch_id, developer_id, tool_key, usage_date, source)
);

CREATE TABLE import_prior_usage_week (
    batch_id        BIGINT NOT NULL REFERENCES import_batch (id),
    developer_id    BIGINT NOT NULL,
    tool_key        VARCHAR(50) NOT NULL,
    week_start      DATE NOT NULL,
    existed         BOOLEAN NOT NULL,
    source          VARCHAR(50),
    active_days     SMALLINT,
    interactions    BIGINT,
    accepted_lines  BIGINT,
    prior_batch_id  BIGINT,
    PRIMARY KEY (batch_id, developer_id, tool_key, week_start)
);

CREATE TABLE import_prior_change_count (
    batch_id        BIGINT NOT NULL REFERENCES import_batch (id),
    developer_id    BIGINT NOT NULL,
    week_start      DATE NOT NULL,
    attribution     VARCHAR(50) NOT NULL,
    existed         BOOLEAN NOT NULL,
    changes         INTEGER,
    prior_batch_id  BIGINT,
    PRIMARY KEY (batch_id, developer_id, week_start, attribution)
);

CREATE TABLE import_prior_incident (
    batch_id              BIGINT NOT NULL REFERENCES import_batch (id),
    incident_id           BIGINT NOT NULL,
    existed               BOOLEAN NOT NULL,
    title                 VARCHAR(500),
    severity              VARCHAR(4),
    status                VARCHAR(30),
    started_at            TIMESTAMP WITH TIME ZONE,
    resolved_at           TIMESTAMP WITH TIME ZONE,
    service               VARCHAR(200),
    team_id               BIGINT,
    ai_involvement        VARCHAR(10),
    tool_key              VARCHAR(50),
    root_cause            VARCHAR(20),
    peer_reviewed         BOOLEAN,
    approval_required     BOOLEAN,
    permissions_exceeded  BOOLEAN,
    customer_impact       BOOLEAN,
    postmortem_url        VARCHAR(1000),
    prior_batch_id        BIGINT,
    PRIMARY KEY (batch_id, incident_id)
);

-- Roster and identity-map imports: the developers and mappings a batch replaced or created.
CREATE TABLE import_prior_developer (
    batch_id      BIGINT NOT NULL REFERENCES import_batch (id),
    developer_id  BIGINT NOT NULL,
    existed       BOOLEAN NOT NULL,
    name          VARCHAR(200),
    team_id       BIGINT,
    started_on    DATE,
    left_on       DATE,
    excluded      BOOLEAN,
    PRIMARY KEY (batch_id, developer_id)
);

CREATE TABLE import_created_team (
    batch_id  BIGINT NOT NULL REFERENCES import_batch (id),
    team_id   BIGINT NOT NULL,
    PRIMARY KEY (batch_id, team_id)
);

CREATE TABLE import_prior_identity (
    batch_id      BIGINT NOT NULL REFERENCES import_batch (id),
    source        VARCHAR(50) NOT NULL,
    external_id   VARCHAR(320) NOT NULL,
    existed       BOOLEAN NOT NULL,
    developer_id  BIGINT,
    PRIMARY KEY (batch_id, source, external_id)
);

-- The tool an import was told to use (q-developer-csv with &tool=kiro).
ALTER TABLE import_batch ADD COLUMN tool_key VARCHAR(50);
