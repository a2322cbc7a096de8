package dev.tandem.alerts;

import java.time.OffsetDateTime;

/**
 * A channel as admins see it: configured or not, and whether its latest delivery failed (a failing
 * channel).
 */
public record ChannelStatus(
    String channel,
    String description,
    boolean enabled,
    String lastOutcome,
    String lastError,
    OffsetDateTime lastAt) {

  public boolean failing() {
    return "failed".equals(lastOutcome);
  }
}
