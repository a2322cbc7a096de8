package dev.tandem.roster;

/**
 * Roster search: free text over name and email, and optionally a team scope (the team and its
 * subtree).
 */
public record DeveloperFilter(String text, String teamKey) {

  public static DeveloperFilter all() {
    return new DeveloperFilter(null, null);
  }
}
