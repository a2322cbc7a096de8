-- ISO weeks (Monday to Sunday) from 1970 to 2100: the table every weekly query joins instead of a list of weeks in its text.
CREATE TABLE calendar_week (
    week_start  DATE PRIMARY KEY,
    week_end    DATE NOT NULL
);
INSERT INTO calendar_week (week_start, week_end)
SELECT CAST(DATE '1970-01-05' + n * INTERVAL '7' DAY AS DATE), CAST(DATE '1970-01-11' + n * INTERVAL '7' DAY AS DATE)
FROM (SELECT a.n + 10 * b.n + 100 * c.n + 1000 * d.n AS n
      FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) a (n)
      CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) b (n)
      CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) c (n)
      CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) d (n)) x
WHERE n < 6835;

-- Week-range scans of usage and changes read only these columns: covering indexes (H2 then never visits the table rows).
DROP INDEX usage_week_week_idx;
CREATE INDEX usage_week_week_idx ON usage_week (week_start, developer_id, tool_key, active_days);
DROP INDEX change_count_week_idx;
CREATE INDEX change_count_week_idx ON change_count (week_start, developer_id, attribution, changes);

-- The rollup (DESIGN §3.1, §3.3), per developer's own team and ISO week: sized teams × weeks, never developers × weeks.
-- Maintained in the same transaction as every write to its base tables (dev.tandem.rollup.RollupService); no foreign keys,
-- so that teams and developers can be removed in the same transaction before their slices are recomputed.
CREATE TABLE rollup_team_week (
    team_id                  BIGINT NOT NULL,
    week_start               DATE NOT NULL,
    headcount                INTEGER NOT NULL,
    ai_users                 INTEGER NOT NULL,
    light_users              INTEGER NOT NULL,
    moderate_users           INTEGER NOT NULL,
    heavy_users              INTEGER NOT NULL,
    usage_outside_headcount  INTEGER NOT NULL,
    PRIMARY KEY (team_id, week_start)
);
CREATE INDEX rollup_team_week_week_idx ON rollup_team_week (week_start);

-- Per tool (or attribution 'none' for changes without AI): users in headcount, developers with any active usage,
-- changes, and developers with changes attributed to it.
CREATE TABLE rollup_team_tool_week (
    team_id            BIGINT NOT NULL,
    week_start         DATE NOT NULL,
    tool_key           VARCHAR(50) NOT NULL,
    users              INTEGER NOT NULL,
    usage_developers   INTEGER NOT NULL,
    changes            BIGINT NOT NULL,
    change_developers  INTEGER NOT NULL,
    PRIMARY KEY (team_id, week_start, tool_key)
);
CREATE INDEX rollup_team_tool_week_week_idx ON rollup_team_tool_week (week_start);
