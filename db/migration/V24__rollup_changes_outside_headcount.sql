-- Changes of developers in weeks they were not in headcount (before started_on, after left_on, or while excluded),
-- per team or scope, week and attribution: left out of change exposure (DESIGN §3.3) and reported as a data-quality
-- figure. Kept in the rollup so that the figure is a few rows per week to read, not a probe per joiner and leaver.
-- Filled by V25's rebuild.
ALTER TABLE rollup_team_tool_week ADD COLUMN changes_outside_headcount BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE rollup_scope_tool_week ADD COLUMN changes_outside_headcount BIGINT DEFAULT 0 NOT NULL;
