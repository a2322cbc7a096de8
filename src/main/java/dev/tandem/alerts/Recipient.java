package dev.tandem.alerts;

import dev.tandem.base.Scope;
import dev.tandem.security.Role;
import java.util.Set;

/**
 * Who a message is read as and sent to: a user (or a webhook channel, read as a leader of the
 * organisation) with the scope they subscribed to ({@code teamKey} null = the organisation). {@code
 * dataAlerts}: whether import alerts reach them (admins and webhook channels); {@code muted}: rules
 * they chose not to receive.
 */
record Recipient(
    String username,
    Role role,
    String address,
    String teamKey,
    boolean alerts,
    boolean digest,
    boolean dataAlerts,
    Set<AlertRule> muted) {

  /** The subscribed scope, as the services take it. */
  Scope scope() {
    return Scope.of(teamKey);
  }

  boolean receives(AlertRule rule) {
    return alerts && !muted.contains(rule);
  }
}
