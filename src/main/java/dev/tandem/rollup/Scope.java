package dev.tandem.rollup;

import java.util.Set;

/**
 * A scope of figures: the whole organisation, or a team ({@code top}) and every team below it
 * ({@code teams}, which holds {@code top}). The rollup's subtree totals are read by {@code top};
 * per-developer reads of the base tables filter by {@code teams}.
 */
public record Scope(Long top, Set<Long> teams) {

  public static final Scope ORGANISATION = new Scope(null, null);

  public Scope {
    if ((top == null) != (teams == null) || (top != null && !teams.contains(top))) {
      throw new IllegalArgumentException("a team scope holds its top team: " + top + " " + teams);
    }
    teams = teams == null ? null : Set.copyOf(teams);
  }

  public boolean organisation() {
    return top == null;
  }
}
