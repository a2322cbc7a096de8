package dev.tandem.connectors;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A connector as the screen and the API list it: its configuration (the secret only as a status),
 * its last run and last success, its next scheduled run, and whether it is failing or stale.
 */
public record ConnectorState(
    String key,
    String name,
    String format,
    String secretLabel,
    List<SettingInfo> settingInfo,
    ConnectorConfig config,
    String effectiveBaseUrl,
    String defaultBaseUrl,
    String lastOutcome,
    OffsetDateTime lastRunAt,
    Integer lastRowsApplied,
    String lastMessage,
    OffsetDateTime lastSuccessAt,
    OffsetDateTime nextRunAt,
    String problem) {

  /** A setting the connector reads: key, label and help. */
  public record SettingInfo(String key, String label, String help) {}

  public boolean healthy() {
    return problem == null;
  }
}
