-- Reads of the rollup scan a range of weeks: covering indexes, so H2 answers them from the index alone.
DROP INDEX rollup_team_week_week_idx;
CREATE INDEX rollup_team_week_week_idx ON rollup_team_week (week_start, team_id, headcount, ai_users, light_users,
    moderate_users, heavy_users, usage_outside_headcount);
DROP INDEX rollup_team_tool_week_week_idx;
CREATE INDEX rollup_team_tool_week_week_idx ON rollup_team_tool_week (week_start, team_id, tool_key, users,
    usage_developers, changes, change_developers);
