package dev.tandem.alerts;

import java.time.OffsetDateTime;

/** One message on one channel after its last attempt. */
public record Delivery(
    long id,
    String channel,
    String recipient,
    String subject,
    int attempts,
    String outcome,
    String error,
    OffsetDateTime deliveredAt) {

  public boolean failed() {
    return "failed".equals(outcome);
  }
}
