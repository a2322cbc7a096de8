package dev.tandem.alerts;

import java.util.Set;

/**
 * What a user receives: alerts and/or the digest for one scope ({@code teamKey} null = the
 * organisation), at {@code email}; {@code muted}: the rules whose alerts they chose not to receive.
 */
public record Subscription(
    long userId,
    String email,
    String teamKey,
    boolean alerts,
    boolean digest,
    Set<AlertRule> muted) {

  public Subscription {
    muted = muted == null ? Set.of() : Set.copyOf(muted);
  }

  public Subscription(long userId, String email, String teamKey, boolean alerts, boolean digest) {
    this(userId, email, teamKey, alerts, digest, Set.of());
  }

  /** Whether alerts of this rule reach the person (alerts on and the rule not muted). */
  public boolean receives(AlertRule rule) {
    return alerts && !muted.contains(rule);
  }
}
