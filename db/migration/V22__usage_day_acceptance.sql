-- The two counts a per-tool acceptance rate (accepted / suggested) needs, kept per day (nullable:
-- NULL for both where the source does not report both):
-- suggested  Copilot loc_suggested_to_add_sum (lines), Q Developer Inline_SuggestionsCount,
--            Claude Code tool_actions.*.accepted + rejected, Cursor totalAccepts + totalRejects
-- accepted   Copilot loc_added_sum (lines), Q Developer Inline_AcceptanceCount,
--            Claude Code tool_actions.*.accepted, Cursor totalAccepts
-- Carried like every usage value: staged, held while unmatched, kept for undo.
ALTER TABLE usage_day ADD COLUMN suggested BIGINT;
ALTER TABLE usage_day ADD COLUMN accepted BIGINT;
ALTER TABLE import_prior_usage_day ADD COLUMN suggested BIGINT;
ALTER TABLE import_prior_usage_day ADD COLUMN accepted BIGINT;
ALTER TABLE import_stage ADD COLUMN suggested BIGINT;
ALTER TABLE import_stage ADD COLUMN accepted BIGINT;
ALTER TABLE unmatched_row ADD COLUMN suggested BIGINT;
ALTER TABLE unmatched_row ADD COLUMN accepted BIGINT;
