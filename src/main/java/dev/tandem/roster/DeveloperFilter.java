package dev.tandem.roster;

import dev.tandem.base.Scope;

/**
 * Roster search: free text over name and email (null: any), and a scope (the organisation, or a
 * team and its subtree).
 */
public record DeveloperFilter(String text, Scope scope) {

  public static DeveloperFilter all() {
    return new DeveloperFilter(null, Scope.ORGANISATION);
  }
}
