-- The rollup by calendar month (issue 10, for the Seats and cost figures of issue 15): per team, month and tool the
-- developers in headcount with at least one active week whose Monday falls in the month, and those developer-weeks;
-- tool_key '*' holds the same over any tool (a developer-week with two tools counts once). Distinct developers per
-- month cannot be summed from the weekly rollup, and reading them from usage_week took 3 s per month at 20,000
-- developers. A developer is in exactly one team, so a scope's figure is the sum over its teams. Maintained with the
-- weekly rollup (dev.tandem.rollup.RollupRepository); built for an existing database by V39. No foreign keys, like
-- the other rollup tables.
CREATE TABLE rollup_team_month (
    team_id            BIGINT NOT NULL,
    month_start        DATE NOT NULL,
    tool_key           VARCHAR(50) NOT NULL,
    active_developers  INTEGER NOT NULL,
    active_weeks       INTEGER NOT NULL,
    PRIMARY KEY (month_start, team_id, tool_key)
);
