package dev.tandem.roster;

import dev.tandem.base.Scope;
import dev.tandem.base.ValidationException;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.RollupService;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.security.AuditService;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Developers and teams: the roster every metric counts against. Admin-only and read-only by
 * default; methods open to managers or to everyone (the team tree) and methods that write say so.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class RosterService {

  /** developer.name and team.name. */
  public static final int MAX_NAME = RosterRules.MAX_NAME;

  private final TeamRepository teams;
  private final DeveloperRepository developers;
  private final HeadcountQuery headcount;
  private final AuditService audit;
  private final IdentityMapRepository identities;
  private final IndividualsPolicy individuals;
  private final RollupService rollup;
  private final TeamTrees trees;
  private final RosterImports imports;

  RosterService(
      TeamRepository teams,
      DeveloperRepository developers,
      HeadcountQuery headcount,
      AuditService audit,
      IdentityMapRepository identities,
      @Lazy IndividualsPolicy individuals,
      RollupService rollup,
      TeamTrees trees,
      RosterImports imports) {
    this.rollup = rollup;
    this.trees = trees;
    this.imports = imports;
    this.teams = teams;
    this.developers = developers;
    this.headcount = headcount;
    this.audit = audit;
    this.identities = identities;
    this.individuals = individuals;
  }

  /**
   * Reference data (team tree, names): the small-group rule, the schedule and the metrics gauges
   * read it without a user.
   */
  @PreAuthorize("permitAll()")
  public List<Team> teams() {
    return teamTree().teams();
  }

  @PreAuthorize("permitAll()")
  public Optional<Team> team(String key) {
    return teamTree().team(key);
  }

  /**
   * The team tree, read once per transaction: every subtree, path and label answer of a request
   * comes from one read of the teams (writes of the roster forget it).
   */
  @PreAuthorize("permitAll()")
  public TeamTree teamTree() {
    return trees.current(teams::findAll);
  }

  /** A scope resolved to team ids (the team and every team below it); an unknown key is a 400. */
  @PreAuthorize("permitAll()")
  public ScopeIds scope(Scope scope) {
    return teamTree().scope(scope);
  }

  /**
   * DESIGN §3.1 headcount per week behind the roster screen: the same scope as {@link #developers}
   * lists (a manager asking for the organisation gets their own team; another team is refused).
   */
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public List<WeeklyCount> weeklyHeadcount(Scope requested, WeekRange range) {
    dev.tandem.base.ReportingPeriod.check(range);
    return headcount.weeklyHeadcount(range, scope(individuals.individualsScope(requested)));
  }

  /**
   * The scope the roster lists for this request: what an admin asks for, a manager's own team when
   * they ask for the organisation; refused outside the caller's scope.
   */
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  public Scope rosterScope(Scope requested) {
    return individuals.individualsScope(requested);
  }

  /** The teams the roster's team filter offers: those whose developers the caller may see. */
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  public List<Team> rosterTeams() {
    return teams().stream()
        .filter(t -> individuals.maySeeIndividuals(Scope.team(t.key())))
        .toList();
  }

  /**
   * Distinct developers in headcount in any week of the range, in a scope, counted up to {@code
   * upTo} (enough to tell a small group from a large one).
   */
  @PreAuthorize("permitAll()")
  public int developersInHeadcount(Scope scope, WeekRange range, int upTo) {
    return headcount.developersInHeadcount(range, scope(scope), upTo);
  }

  /**
   * Developers one by one (grid and CSV export), only inside the caller's scope (DESIGN §3.4): see
   * {@link #rosterTeam}.
   */
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  public List<Developer> developers(DeveloperFilter filter, int offset, int limit) {
    return developers.search(
        filter.text(), scope(individuals.individualsScope(filter.scope())), offset, limit);
  }

  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  public int countDevelopers(DeveloperFilter filter) {
    return developers.count(filter.text(), scope(individuals.individualsScope(filter.scope())));
  }

  @Transactional
  public Developer saveDeveloper(Developer input) {
    Developer d = RosterRules.developer(input, id -> teams.findById(id).isPresent());
    Optional<Long> sameEmail = developers.idByEmail(d.email());
    if (sameEmail.isPresent() && !sameEmail.get().equals(d.id())) {
      throw ValidationException.of("email", "another developer already has the email " + d.email());
    }
    if (d.id() == null) {
      long id = developers.insert(d);
      rollup.refreshTeams(Set.of(d.teamId()));
      Developer created = developers.findById(id).orElseThrow();
      audit.record("create", "developer", id, null, created);
      return created;
    }
    Developer before =
        developers
            .findById(d.id())
            .orElseThrow(() -> ValidationException.of("id", "the developer no longer exists"));
    developers.update(d);
    rollup.refreshTeams(Set.copyOf(List.of(before.teamId(), d.teamId())));
    Developer after = developers.findById(d.id()).orElseThrow();
    audit.record("update", "developer", d.id(), before, after);
    return after;
  }

  @Transactional
  public Team saveTeam(Team input) {
    Team t = RosterRules.team(input, id -> teams.findById(id).isPresent());
    String key = t.key();
    teams
        .findByKey(key)
        .filter(other -> !other.id().equals(t.id()))
        .ifPresent(
            other -> {
              throw ValidationException.of("key", "another team already has the key " + key);
            });
    if (t.id() != null
        && t.parentId() != null
        && TeamTree.of(teams.findAll()).subtree(t.id()).contains(t.parentId())) {
      throw ValidationException.of(
          "parent", "a team cannot sit below itself or one of its own sub-teams");
    }
    if (t.id() == null) {
      long id = teams.insert(t);
      trees.forget();
      Team created = teams.findById(id).orElseThrow();
      audit.record("create", "team", id, null, created);
      return created;
    }
    Team before =
        teams
            .findById(t.id())
            .orElseThrow(() -> ValidationException.of("id", "the team no longer exists"));
    teams.update(t);
    trees.forget();
    if (!Objects.equals(before.parentId(), t.parentId())) {
      rollup.teamMoved(before.parentId(), t.parentId());
    }
    audit.record("update", "team", t.id(), before, t);
    return t;
  }

  /**
   * Every team's label for a screen by team id: its name, and for a team below another its parent's
   * name too ("Payments (Commerce)"), from one read of the tree. Keys stay in the URL, the API and
   * exports.
   */
  @PreAuthorize("permitAll()")
  public Map<Long, String> labels() {
    return teamTree().labels();
  }

  /** Every team's path ("engineering/commerce/payments") by team id, from one read of the tree. */
  @PreAuthorize("permitAll()")
  public Map<Long, String> paths() {
    return teamTree().paths();
  }

  /**
   * Roster import: creates the missing teams along each path and inserts or updates developers by
   * email, in batches. The caller has checked that paths agree with the existing tree.
   */
  @Transactional
  public RosterImportOutcome importRoster(List<RosterImportRow> rows) {
    return imports.importRoster(rows);
  }

  /** Undoes a roster import; refused while a created developer already has data. */
  @Transactional
  public void undoRosterImport(RosterImportOutcome outcome) {
    imports.undoRosterImport(outcome);
  }

  /**
   * The rows whose email differs from a roster email, or from an earlier row's, only by look-alike
   * characters ({@link LookAlikeEmails}).
   */
  public List<LookAlikeEmails.LookAlike> lookAlikeEmails(
      List<LookAlikeEmails.Candidate> candidates) {
    return LookAlikeEmails.find(new java.util.HashSet<>(developers.allEmails()), candidates);
  }

  /** The developer id of each roster email that exists (the import pipeline, run by admins). */
  public Map<String, Long> developerIdsByEmail(java.util.Collection<String> emails) {
    return imports.developerIdsByEmail(emails);
  }

  /** Sets the mappings and returns how they were before (developer null = was unmapped). */
  @Transactional
  public List<IdentityLink> mapIdentities(List<IdentityLink> links) {
    List<IdentityLink> before = identities.current(links);
    identities.write(links);
    return before;
  }
}
