-- Agent use (DESIGN §3.1 "agent user"): whether an agent mode was used, per day and per week.
-- NULL means the source cannot tell agent use from other use (it then counts for nothing in agent figures).
ALTER TABLE usage_day ADD COLUMN agent BOOLEAN;
ALTER TABLE usage_week ADD COLUMN agent_days SMALLINT;
ALTER TABLE usage_week ADD CONSTRAINT usage_week_agent_days
    CHECK (agent_days IS NULL OR (agent_days >= 0 AND agent_days <= active_days));

-- The import path carries it like every other usage value: staged, held while unmatched, kept for undo.
ALTER TABLE import_stage ADD COLUMN agent BOOLEAN;
ALTER TABLE import_stage ADD COLUMN agent_days SMALLINT;
ALTER TABLE unmatched_row ADD COLUMN agent BOOLEAN;
ALTER TABLE unmatched_row ADD COLUMN agent_days SMALLINT;
ALTER TABLE import_prior_usage_day ADD COLUMN agent BOOLEAN;
ALTER TABLE import_prior_usage_week ADD COLUMN agent_days SMALLINT;

-- The rollup counts agent users per leaf team and week, and per tool.
ALTER TABLE rollup_team_week ADD COLUMN agent_users INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE rollup_team_tool_week ADD COLUMN agent_users INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE rollup_scope_week ADD COLUMN agent_users INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE rollup_scope_tool_week ADD COLUMN agent_users INTEGER DEFAULT 0 NOT NULL;
