-- Subtree totals of the rollup: the figures of a scope (a team and every team below it; scope_id 0 = the whole
-- organisation) per ISO week, each the sum of rollup_team_week / rollup_team_tool_week over the scope's teams. A read of
-- any scope is then a few rows per week, however many teams it holds. Maintained from the per-team tables in the same
-- transaction (dev.tandem.rollup.RollupRepository); no foreign keys, like the per-team tables.
CREATE TABLE rollup_scope_week (
    scope_id                 BIGINT NOT NULL,
    week_start               DATE NOT NULL,
    headcount                INTEGER NOT NULL,
    ai_users                 INTEGER NOT NULL,
    light_users              INTEGER NOT NULL,
    moderate_users           INTEGER NOT NULL,
    heavy_users              INTEGER NOT NULL,
    usage_outside_headcount  INTEGER NOT NULL,
    PRIMARY KEY (scope_id, week_start)
);

CREATE TABLE rollup_scope_tool_week (
    scope_id           BIGINT NOT NULL,
    week_start         DATE NOT NULL,
    tool_key           VARCHAR(50) NOT NULL,
    users              INTEGER NOT NULL,
    usage_developers   INTEGER NOT NULL,
    changes            BIGINT NOT NULL,
    change_developers  INTEGER NOT NULL,
    PRIMARY KEY (scope_id, week_start, tool_key)
);
