package dev.tandem.alerts;

import dev.tandem.base.Keyed;

/**
 * The rules Tandem ships; each has one threshold, switched on and off by admins. The key ({@link
 * Keyed}: {@code adoption-below-goal}) is the rule's name in the database.
 */
public enum AlertRule implements Keyed {
  ADOPTION_BELOW_GOAL("A team's adoption below goal", "weeks in a row"),
  FORECAST_NOT_ON_TRACK("The organisation's forecast turns not on track", "not used"),
  TOOL_VERDICT_HIGHER(
      "A tool's incident rate turns higher than without AI (adjusted verdict)", "weeks compared"),
  UNREVIEWED_AI_INCIDENTS(
      "Share of AI-involved incidents without peer review above a threshold",
      "share (0–1), last 12 weeks"),
  IMPORT_SOURCE_STALE("An import source stale", "days without an import"),
  IMPORT_REFUSED("An import refused", "not used");

  private final String label;
  private final String thresholdMeaning;

  AlertRule(String label, String thresholdMeaning) {
    this.label = label;
    this.thresholdMeaning = thresholdMeaning;
  }

  public String label() {
    return label;
  }

  public String thresholdMeaning() {
    return thresholdMeaning;
  }

  /** Data-quality rules go to admins only: they are about imports, not about people's figures. */
  public boolean adminsOnly() {
    return this == IMPORT_SOURCE_STALE || this == IMPORT_REFUSED;
  }

  /** Whether the rule has no threshold to set (it fires on an event or a turn). */
  public boolean thresholdUnused() {
    return this == IMPORT_REFUSED || this == FORECAST_NOT_ON_TRACK;
  }

  public static AlertRule of(String key) {
    return Keyed.byKey(AlertRule.class, key)
        .orElseThrow(() -> new IllegalArgumentException("unknown alert rule " + key));
  }
}
