package dev.tandem.alerts;

/**
 * A rule's condition that holds now: {@code key} names it within the rule (a team, a tool, an
 * import source); {@code teamKey} is the team it concerns (null: the organisation); {@code summary}
 * is what the audit log keeps (no figures of small groups: it comes from the admin's view).
 */
record Condition(AlertRule rule, String key, String teamKey, String summary) {}
