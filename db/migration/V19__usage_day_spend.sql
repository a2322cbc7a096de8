-- What vendors report that the seats-and-cost work needs, kept per day (nullable: only some sources have each):
-- credits_used          Kiro Credits_Used, Copilot ai_credits_used (the vendor's credits, decimal)
-- overage_credits_used  Kiro Overage_Credits_Used
-- subscription_tier     Kiro Subscription_Tier (the client type is usage_day.part)
-- usage_based_requests  Cursor usageBasedReqs (requests billed by use)
-- estimated_cost_cents  Claude Code model_breakdown[].estimated_cost.amount summed (US cents)
-- Carried like every usage value: staged, held while unmatched, kept for undo.
ALTER TABLE usage_day ADD COLUMN credits_used DECIMAL(18,4);
ALTER TABLE usage_day ADD COLUMN overage_credits_used DECIMAL(18,4);
ALTER TABLE usage_day ADD COLUMN subscription_tier VARCHAR(50);
ALTER TABLE usage_day ADD COLUMN usage_based_requests BIGINT;
ALTER TABLE usage_day ADD COLUMN estimated_cost_cents DECIMAL(18,4);
ALTER TABLE import_prior_usage_day ADD COLUMN credits_used DECIMAL(18,4);
ALTER TABLE import_prior_usage_day ADD COLUMN overage_credits_used DECIMAL(18,4);
ALTER TABLE import_prior_usage_day ADD COLUMN subscription_tier VARCHAR(50);
ALTER TABLE import_prior_usage_day ADD COLUMN usage_based_requests BIGINT;
ALTER TABLE import_prior_usage_day ADD COLUMN estimated_cost_cents DECIMAL(18,4);
ALTER TABLE import_stage ADD COLUMN credits_used DECIMAL(18,4);
ALTER TABLE import_stage ADD COLUMN overage_credits_used DECIMAL(18,4);
ALTER TABLE import_stage ADD COLUMN subscription_tier VARCHAR(50);
ALTER TABLE import_stage ADD COLUMN usage_based_requests BIGINT;
ALTER TABLE import_stage ADD COLUMN estimated_cost_cents DECIMAL(18,4);
ALTER TABLE unmatched_row ADD COLUMN credits_used DECIMAL(18,4);
ALTER TABLE unmatched_row ADD COLUMN overage_credits_used DECIMAL(18,4);
ALTER TABLE unmatched_row ADD COLUMN subscription_tier VARCHAR(50);
ALTER TABLE unmatched_row ADD COLUMN usage_based_requests BIGINT;
ALTER TABLE unmatched_row ADD COLUMN estimated_cost_cents DECIMAL(18,4);
