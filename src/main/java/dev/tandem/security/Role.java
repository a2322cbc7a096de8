package dev.tandem.security;

/** What a user or API token may do (DESIGN §5). */
public enum Role {
  /** Everything. */
  ADMIN,
  /** Organisation-wide aggregates, no individuals. */
  LEADER,
  /** A team scope, individuals inside it. */
  MANAGER,
  /** A team scope, aggregates only, plus their own usage. */
  MEMBER;

  public boolean needsTeamScope() {
    return this == MANAGER || this == MEMBER;
  }
}
