package dev.tandem.roster;

import dev.tandem.base.Excerpt;
import dev.tandem.base.Scope;
import dev.tandem.base.ValidationException;
import dev.tandem.rollup.ScopeIds;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One read of the team tree, answering subtree, ancestry, path and label questions from memory:
 * take one per request ({@link RosterService#teamTree()}) instead of reading the teams per answer.
 */
public final class TeamTree {

  private final List<Team> teams;
  private final Map<Long, Team> byId = new HashMap<>();
  private final Map<String, Team> byKey = new HashMap<>();
  private final Map<Long, List<Team>> children = new HashMap<>();

  private TeamTree(List<Team> teams) {
    this.teams = List.copyOf(teams);
    for (Team t : this.teams) {
      byId.put(t.id(), t);
      byKey.put(t.key(), t);
    }
    for (Team t : this.teams) {
      // A top-level team (and one whose parent is missing) hangs below the organisation (0).
      long parent = t.parentId() == null || !byId.containsKey(t.parentId()) ? 0L : t.parentId();
      children.computeIfAbsent(parent, k -> new ArrayList<>()).add(t);
    }
  }

  /** The tree of these teams, in the order given (the roster's order). */
  public static TeamTree of(List<Team> teams) {
    return new TeamTree(teams);
  }

  /** Every team, in roster order. */
  public List<Team> teams() {
    return teams;
  }

  public Optional<Team> team(@Nullable String key) {
    return Optional.ofNullable(key == null ? null : byKey.get(key));
  }

  public Optional<Team> team(@Nullable Long id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** The team of this key; an unknown key is a 400 on the field {@code team}. */
  public Team require(String key) {
    return team(key)
        .orElseThrow(
            () -> ValidationException.of("team", "no team with key " + Excerpt.quote(key)));
  }

  /**
   * A scope resolved to team ids: the team and every team below it. An unknown key is a 400 on the
   * field {@code team}.
   */
  public ScopeIds scope(Scope scope) {
    if (scope.organisation()) {
      return ScopeIds.ORGANISATION;
    }
    Team top = require(scope.keyOrNull());
    return new ScopeIds(top.id(), subtree(top.id()));
  }

  /** The ids of a team and of every team below it. */
  public Set<Long> subtree(long id) {
    Set<Long> ids = new LinkedHashSet<>();
    Deque<Long> todo = new ArrayDeque<>(List.of(id));
    while (!todo.isEmpty()) {
      Long next = todo.pop();
      if (ids.add(next)) {
        children.getOrDefault(next, List.of()).forEach(c -> todo.push(c.id()));
      }
    }
    return ids;
  }

  /** Whether the team {@code inner} lies in the subtree of {@code outer} (itself included). */
  public boolean within(String inner, String outer) {
    Optional<Team> in = team(inner);
    Optional<Team> out = team(outer);
    return in.isPresent() && out.isPresent() && subtree(out.get().id()).contains(in.get().id());
  }

  /** The teams right below a team (the organisation, 0: the top-level teams), in roster order. */
  private List<Team> children(long id) {
    return List.copyOf(children.getOrDefault(id, List.of()));
  }

  /** The teams without sub-teams strictly below the scope's top team (or in the organisation). */
  public List<Team> leavesBelow(ScopeIds scope) {
    Set<Long> inside = scope.organisation() ? byId.keySet() : scope.teams();
    return teams.stream()
        .filter(t -> inside.contains(t.id()) && !t.id().equals(scope.top()))
        .filter(t -> !children.containsKey(t.id()))
        .toList();
  }

  /**
   * The teams one level below the scope's top team (or the organisation), going past a level with a
   * single team that has sub-teams (such as an organisation's one top-level team).
   */
  public List<Team> childrenBelow(ScopeIds scope) {
    List<Team> level = children(scope.organisation() ? 0L : scope.top());
    // Bounded by the tree's depth; the guard stops at a (corrupt) cycle.
    for (int steps = 0;
        steps < teams.size() && level.size() == 1 && children.containsKey(level.get(0).id());
        steps++) {
      level = children(level.get(0).id());
    }
    return level;
  }

  /** A team and its parents up to the top, the top first. */
  public List<Team> ancestry(long id) {
    List<Team> line = new ArrayList<>();
    Team current = byId.get(id);
    // Bounded by the number of teams; the guard stops at a (corrupt) cycle.
    while (current != null && line.size() <= teams.size()) {
      line.add(0, current);
      current = current.parentId() == null ? null : byId.get(current.parentId());
    }
    return line;
  }

  /** A team's path of keys from the top ("engineering/commerce/payments"). */
  public String path(long id) {
    return String.join("/", ancestry(id).stream().map(Team::key).toList());
  }

  /** Every team's path by team id. */
  public Map<Long, String> paths() {
    Map<Long, String> paths = new HashMap<>();
    teams.forEach(t -> paths.put(t.id(), path(t.id())));
    return paths;
  }

  /**
   * Every team's label for a screen by team id: its name, and for a team below another its parent's
   * name too ("Payments (Commerce)").
   */
  public Map<Long, String> labels() {
    Map<Long, String> labels = new HashMap<>();
    for (Team team : teams) {
      Team parent = team.parentId() == null ? null : byId.get(team.parentId());
      labels.put(
          team.id(), parent == null ? team.name() : team.name() + " (" + parent.name() + ")");
    }
    return labels;
  }

  /**
   * Checks team paths (keys from the top) against this tree and against the paths checked before,
   * as a roster import does line by line: a team must sit where it already sits.
   */
  public PathCheck pathCheck() {
    Map<String, String> parentOf = new HashMap<>();
    teams.forEach(
        t -> parentOf.put(t.key(), team(t.parentId()).map(Team::key).orElse(PathCheck.TOP)));
    return new PathCheck(parentOf);
  }

  /** The path rule of {@link #pathCheck()}; remembers the teams of every path it accepts. */
  public static final class PathCheck {

    private static final String TOP = "";
    private final Map<String, String> parentOf;

    private PathCheck(Map<String, String> parentOf) {
      this.parentOf = parentOf;
    }

    /**
     * The problem with this path (a team placed elsewhere than it sits), or empty; an accepted
     * path's new teams count for the paths checked after it.
     */
    public Optional<String> check(List<String> path) {
      Map<String, String> added = new HashMap<>();
      for (int i = 0; i < path.size(); i++) {
        String key = path.get(i);
        String parent = i == 0 ? TOP : path.get(i - 1);
        String known = parentOf.containsKey(key) ? parentOf.get(key) : added.get(key);
        if (known == null) {
          added.put(key, parent);
        } else if (!known.equals(parent)) {
          return Optional.of(
              "team '"
                  + key
                  + "' sits "
                  + place(known)
                  + ", not "
                  + place(parent)
                  + "; expected its full path from the top");
        }
      }
      parentOf.putAll(added);
      return Optional.empty();
    }

    private static String place(String parent) {
      return parent.isEmpty() ? "at the top" : "under '" + parent + "'";
    }
  }
}
