-- The rollup's statements read active_days and agent_days of each usage row in a week range: with both in the week
-- index they are answered from the index alone (agent_days came after the index, in V20, so every row was also
-- looked up in the table).
DROP INDEX usage_week_week_idx;
CREATE INDEX usage_week_week_idx ON usage_week (week_start, developer_id, tool_key, active_days, agent_days);
