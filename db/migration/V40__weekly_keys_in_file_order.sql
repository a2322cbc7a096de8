-- The weekly tables are keyed week first: (week, developer, tool) and (week, developer, attribution), the order vendor
-- files and Tandem's own CSVs arrive in (a week, then its developers). An import's merge then walks the key's B-tree
-- forward instead of jumping across it for every row: on H2, a 1,000,000-row merge in file order took 24 s + 20 s commit
-- with the key developer first and 11 s + 7 s with it week first (docs/benchmarks.md, thirteenth session). A developer's
-- rows are found by their own index (declared before the foreign key, so H2 uses it for the key instead of adding one).
-- The keys are rebuilt by creating the tables anew (a primary key constraint's name differs between H2 and PostgreSQL,
-- so it is not dropped by name), as V18 did for usage_day; the columns keep their order.
CREATE TABLE usage_week_by_week (
    developer_id    BIGINT NOT NULL,
    tool_key        VARCHAR(50) NOT NULL REFERENCES tool (tool_key),
    week_start      DATE NOT NULL,
    source          VARCHAR(50) NOT NULL,
    active_days     SMALLINT NOT NULL,
    interactions    BIGINT,
    accepted_lines  BIGINT,
    batch_id        BIGINT REFERENCES import_batch (id),
    agent_days      SMALLINT,
    PRIMARY KEY (week_start, developer_id, tool_key),
    CONSTRAINT usage_week_days_range CHECK (active_days BETWEEN 0 AND 7),
    CONSTRAINT usage_week_interactions_min CHECK (interactions IS NULL OR interactions >= 0),
    CONSTRAINT usage_week_lines_min CHECK (accepted_lines IS NULL OR accepted_lines >= 0),
    CONSTRAINT usage_week_agent_days_range CHECK (agent_days IS NULL OR (agent_days >= 0 AND agent_days <= active_days))
);
INSERT INTO usage_week_by_week (week_start, developer_id, tool_key, source, active_days, interactions, accepted_lines,
        agent_days, batch_id)
    SELECT week_start, developer_id, tool_key, source, active_days, interactions, accepted_lines, agent_days, batch_id
    FROM usage_week ORDER BY week_start, developer_id, tool_key;
DROP TABLE usage_week;
ALTER TABLE usage_week_by_week RENAME TO usage_week;
CREATE INDEX usage_week_developer_idx ON usage_week (developer_id);
ALTER TABLE usage_week ADD CONSTRAINT usage_week_developer_fk FOREIGN KEY (developer_id) REFERENCES developer (id);
CREATE INDEX usage_week_week_idx ON usage_week (week_start, developer_id, tool_key, active_days);

CREATE TABLE change_count_by_week (
    developer_id  BIGINT NOT NULL,
    week_start    DATE NOT NULL,
    attribution   VARCHAR(50) NOT NULL,
    changes       INTEGER NOT NULL,
    batch_id      BIGINT REFERENCES import_batch (id),
    PRIMARY KEY (week_start, developer_id, attribution),
    CONSTRAINT change_count_changes_min CHECK (changes >= 0)
);
INSERT INTO change_count_by_week (week_start, developer_id, attribution, changes, batch_id)
    SELECT week_start, developer_id, attribution, changes, batch_id
    FROM change_count ORDER BY week_start, developer_id, attribution;
DROP TABLE change_count;
ALTER TABLE change_count_by_week RENAME TO change_count;
CREATE INDEX change_count_developer_idx ON change_count (developer_id);
ALTER TABLE change_count ADD CONSTRAINT change_count_developer_fk FOREIGN KEY (developer_id) REFERENCES developer (id);
CREATE INDEX change_count_week_idx ON change_count (week_start, developer_id, attribution, changes);

-- What an import replaced, kept for undo: written in the same order as the merge reads the file.
CREATE TABLE import_prior_usage_week_by_week (
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
    agent_days      SMALLINT,
    PRIMARY KEY (batch_id, week_start, developer_id, tool_key)
);
INSERT INTO import_prior_usage_week_by_week (batch_id, week_start, developer_id, tool_key, existed, source, active_days,
        interactions, accepted_lines, agent_days, prior_batch_id)
    SELECT batch_id, week_start, developer_id, tool_key, existed, source, active_days, interactions, accepted_lines,
        agent_days, prior_batch_id
    FROM import_prior_usage_week ORDER BY batch_id, week_start, developer_id, tool_key;
DROP TABLE import_prior_usage_week;
ALTER TABLE import_prior_usage_week_by_week RENAME TO import_prior_usage_week;

CREATE TABLE import_prior_change_count_by_week (
    batch_id        BIGINT NOT NULL REFERENCES import_batch (id),
    developer_id    BIGINT NOT NULL,
    week_start      DATE NOT NULL,
    attribution     VARCHAR(50) NOT NULL,
    existed         BOOLEAN NOT NULL,
    changes         INTEGER,
    prior_batch_id  BIGINT,
    PRIMARY KEY (batch_id, week_start, developer_id, attribution)
);
INSERT INTO import_prior_change_count_by_week (batch_id, week_start, developer_id, attribution, existed, changes,
        prior_batch_id)
    SELECT batch_id, week_start, developer_id, attribution, existed, changes, prior_batch_id
    FROM import_prior_change_count ORDER BY batch_id, week_start, developer_id, attribution;
DROP TABLE import_prior_change_count;
ALTER TABLE import_prior_change_count_by_week RENAME TO import_prior_change_count;
