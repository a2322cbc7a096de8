package dev.tandem.access;

import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.roster.IndividualsPolicy;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.roster.TeamTree;
import dev.tandem.security.Principal;
import dev.tandem.security.Role;
import dev.tandem.security.UserService;
import dev.tandem.settings.SettingsService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Who may see what (DESIGN §3.4, §5), in one place for the screens, the API and the exports:
 *
 * <ul>
 *   <li>ADMIN: everything. LEADER: aggregates of every team and the organisation, no individuals.
 *   <li>MANAGER: aggregates of the organisation and of their team's scope; individuals inside their
 *       scope.
 *   <li>MEMBER: aggregates of the organisation and of their team's scope; only their own individual
 *       usage.
 * </ul>
 *
 * And small groups: an aggregate over fewer than k developers is hidden from anyone who may not see
 * the individuals of that group.
 */
@Service
public class AccessPolicy implements IndividualsPolicy {

  private final UserService users;
  private final RosterService roster;
  private final SettingsService settings;

  AccessPolicy(UserService users, RosterService roster, SettingsService settings) {
    this.users = users;
    this.roster = roster;
    this.settings = settings;
  }

  public Optional<Principal> principal() {
    return users.principal();
  }

  /**
   * The teams whose aggregates the signed-in user may see, in roster order: the choices every scope
   * picker offers. The same rule as {@link #mayViewAggregates} team by team, with one principal
   * lookup and a fixed number of reads of the team tree, not some per team (a team is inside a
   * manager's scope exactly when its own subtree is).
   */
  public List<Team> teamsWithAggregates() {
    Optional<Principal> p = principal();
    if (p.isEmpty()) {
      return List.of();
    }
    TeamTree tree = roster.teamTree();
    if (!p.get().role().needsTeamScope()) {
      return tree.teams();
    }
    Optional<Team> own = tree.team(p.get().teamId());
    if (own.isEmpty()) {
      return List.of();
    }
    Set<Long> ownScope = tree.subtree(own.get().id());
    return tree.teams().stream().filter(t -> ownScope.contains(t.id())).toList();
  }

  /**
   * The scope a screen opens with: the organisation for admins and leaders, the own team for
   * managers and members.
   */
  public Scope defaultScope() {
    return principal()
        .filter(p -> p.role().needsTeamScope())
        .map(p -> Scope.of(ownTeamKey(p)))
        .orElse(Scope.ORGANISATION);
  }

  /** The scope of the principal's own team, if they have one. */
  public Optional<Scope> ownTeam() {
    return principal().map(this::ownTeamKey).map(Scope::team);
  }

  /** The principal's own developer record (members' "My usage"), if linked. */
  public Optional<Long> ownDeveloperId() {
    return principal().map(Principal::developerId);
  }

  public boolean mayViewAggregates(Scope scope) {
    Optional<Principal> p = principal();
    if (p.isEmpty()) {
      return false;
    }
    if (!p.get().role().needsTeamScope() || scope.organisation()) {
      return true;
    }
    return within(p.get(), scope);
  }

  /** Throws 403 (AccessDeniedException) unless the aggregates of this scope may be seen. */
  public void checkAggregates(Scope scope) {
    if (!mayViewAggregates(scope)) {
      throw new AccessDeniedException(
          "your role may see aggregates of your own team and of the organisation only");
    }
  }

  /**
   * Admins everywhere; managers inside their own team's scope (the organisation as a whole is not
   * inside it).
   */
  @Override
  public boolean maySeeIndividuals(Scope scope) {
    Optional<Principal> p = principal();
    if (p.isEmpty()) {
      return false;
    }
    return switch (p.get().role()) {
      case ADMIN -> true;
      case MANAGER -> !scope.organisation() && within(p.get(), scope);
      case LEADER, MEMBER -> false;
    };
  }

  /**
   * The scope whose developers may be listed one by one for a request (DESIGN §3.4): an admin gets
   * what they ask for; a manager gets their own team when asking for the organisation and the team
   * asked for when it lies inside their scope; everything else is refused with 403.
   */
  @Override
  public Scope individualsScope(Scope requested) {
    Principal p = principal().orElseThrow(AccessPolicy::noIndividuals);
    if (p.role() == Role.ADMIN) {
      return requested;
    }
    String own = ownTeamKey(p);
    if (p.role() != Role.MANAGER || own == null) {
      throw noIndividuals();
    }
    if (requested.organisation()) {
      return Scope.team(own);
    }
    if (!within(p, requested)) {
      throw noIndividuals();
    }
    return requested;
  }

  /**
   * The scope a list of team-owned records (incidents) is limited to: admins and leaders get what
   * they ask for (the organisation: every record); managers and members their own team's scope when
   * asking for everything and the team asked for inside it; another team is refused with 403.
   */
  public Scope recordsScope(Scope requested) {
    Principal p = principal().orElseThrow(() -> new AccessDeniedException("not signed in"));
    if (!p.role().needsTeamScope()) {
      return requested;
    }
    String own = ownTeamKey(p);
    if (own == null) {
      throw new AccessDeniedException("your role needs a team scope");
    }
    if (requested.organisation()) {
      return Scope.team(own);
    }
    checkAggregates(requested);
    return requested;
  }

  /** Whether one record owned by this team (null = by no team) is inside the caller's scope. */
  public boolean mayViewRecordOf(String owningTeamKey) {
    Optional<Principal> p = principal();
    if (p.isEmpty()) {
      return false;
    }
    if (!p.get().role().needsTeamScope()) {
      return true;
    }
    return owningTeamKey != null && within(p.get(), Scope.team(owningTeamKey));
  }

  private static AccessDeniedException noIndividuals() {
    return new AccessDeniedException(
        "individual developers are visible only to admins and to managers inside their own team");
  }

  public int minGroupSize() {
    return settings.current().minGroupSize();
  }

  /**
   * The small-group rule (DESIGN §3.4) for one scope: k read once, the viewer's rights if needed.
   */
  public SmallGroupRule smallGroups(Scope scope) {
    return new SmallGroupRule(minGroupSize(), () -> maySeeIndividuals(scope));
  }

  /**
   * {@link #smallGroups} for the rows of one table, one scope per row: k is read once for the
   * table, and whether the viewer may see a row's individuals only for a row whose group is small.
   */
  public Function<Scope, SmallGroupRule> smallGroupsPerRow() {
    int k = minGroupSize();
    return scope -> new SmallGroupRule(k, () -> maySeeIndividuals(scope));
  }

  /**
   * Whether totals over the range for the scope are hidden: fewer than k distinct developers were
   * in headcount in any of its weeks, and the viewer may not see them. Counting stops at k.
   */
  public boolean hiddenOver(Scope scope, WeekRange range) {
    SmallGroupRule rule = smallGroups(scope);
    return rule.hidden(roster.developersInHeadcount(scope, range, rule.k()));
  }

  public Role role() {
    return principal().map(Principal::role).orElse(null);
  }

  /**
   * Whether a team's scope lies inside the principal's own team's scope, from one read of the team
   * tree; an unknown team key is a 400.
   */
  private boolean within(Principal p, Scope scope) {
    TeamTree tree = roster.teamTree();
    Optional<Team> own = tree.team(p.teamId());
    if (own.isEmpty() || scope.organisation()) {
      return false;
    }
    ScopeIds wanted = tree.scope(scope);
    return tree.subtree(own.get().id()).containsAll(wanted.teams());
  }

  private @Nullable String ownTeamKey(Principal p) {
    return roster.teamTree().team(p.teamId()).map(Team::key).orElse(null);
  }
}
