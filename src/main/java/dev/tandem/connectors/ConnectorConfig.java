package dev.tandem.connectors;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A connector's stored configuration. The secret itself is never here: only whether one is set, its
 * last 4 characters and who set it when.
 */
public record ConnectorConfig(
    String key,
    boolean enabled,
    String baseUrl,
    Map<String, String> settings,
    String cron,
    LocalDate backfillFrom,
    int redoDays,
    SecretStatus secret,
    LocalDate lastCompleteDay,
    String updatedBy,
    OffsetDateTime updatedAt) {

  /** Whether a secret is set and where it comes from; never the secret. */
  public record SecretStatus(
      boolean set, String source, String last4, String setBy, OffsetDateTime setAt) {

    @Override
    public String toString() {
      if (!set) {
        return "not set";
      }
      return "environment".equals(source)
          ? "set in the environment (…" + last4 + ")"
          : "set (…" + last4 + ") by " + setBy + " on " + setAt.toLocalDate();
    }
  }

  public String setting(String name) {
    String v = settings.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }
}
