package dev.tandem.alerts;

import java.util.Arrays;

/** The rules Tandem ships; each has one threshold, switched on and off by admins. */
public enum AlertRule {
  ADOPTION_BELOW_GOAL("adoption-below-goal", "A team's adoption below goal", "weeks in a row"),
  FORECAST_NOT_ON_TRACK(
      "forecast-not-on-track", "The organisation's forecast turns not on track", "not used"),
  TOOL_VERDICT_HIGHER(
      "tool-verdict-higher",
      "A tool's incident rate turns higher than without AI (adjusted verdict)",
      "weeks compared"),
  UNREVIEWED_AI_INCIDENTS(
      "unreviewed-ai-incidents",
      "Share of AI-involved incidents without peer review above a threshold",
      "share (0–1), last 12 weeks"),
  IMPORT_SOURCE_STALE("import-source-stale", "An import source stale", "days without an import"),
  IMPORT_REFUSED("import-refused", "An import refused", "not used");

  private final String key;
  private final String label;
  private final String thresholdMeaning;

  AlertRule(String key, String label, String thresholdMeaning) {
    this.key = key;
    this.label = label;
    this.thresholdMeaning = thresholdMeaning;
  }

  public String key() {
    return key;
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
    return Arrays.stream(values())
        .filter(r -> r.key.equals(key))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown alert rule " + key));
  }
}
