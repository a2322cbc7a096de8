package dev.tandem.rollup;

import java.util.Set;

/**
 * A scope of figures resolved to team ids: the whole organisation, or a team ({@code top}) and
 * every team below it ({@code teams}, which holds {@code top}); {@code dev.tandem.base.Scope} is
 * the same scope named by the team's key. The rollup's subtree totals are read by {@code top};
 * per-developer reads of the base tables filter by {@code teams}.
 */
public record ScopeIds(Long top, Set<Long> teams) {

  public static final ScopeIds ORGANISATION = new ScopeIds(null, null);

  public ScopeIds {
    if ((top == null) != (teams == null) || (top != null && !teams.contains(top))) {
      throw new IllegalArgumentException("a team scope holds its top team: " + top + " " + teams);
    }
    teams = teams == null ? null : Set.copyOf(teams);
  }

  public boolean organisation() {
    return top == null;
  }
}
