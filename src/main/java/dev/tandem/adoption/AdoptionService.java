package dev.tandem.adoption;

import dev.tandem.access.AccessPolicy;
import dev.tandem.access.SmallGroupRule;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.ReportingPeriod;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.settings.SettingsService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The door to DESIGN §3.1 (headcount, adoption, reach, pooling, cohorts, forecast): access checks
 * and the snapshot transaction here, the figures from {@link WeeklyReport}, {@link TeamTable} and
 * {@link DeveloperLists}.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("isAuthenticated()")
public class AdoptionService {

  static final int FORECAST_WEEKS = AdoptionForecast.WEEKS;
  static final int TREND_WEEKS = 12;
  static final int INACTIVE_WEEKS = 4;

  /** Developers without AI use read with the screen's snapshot; the grid pages on from there. */
  static final int SCREEN_INACTIVE_ROWS = 100;

  private final AdoptionQuery query;
  private final RosterService roster;
  private final SettingsService settings;
  private final AccessPolicy access;
  private final Clock clock;
  private final TeamTable teamTable;
  private final DeveloperLists developerLists;
  private final WeeklyReport weeklyReport;

  AdoptionService(
      AdoptionQuery query,
      RosterService roster,
      SettingsService settings,
      AccessPolicy access,
      Clock clock,
      TeamTable teamTable,
      DeveloperLists developerLists,
      WeeklyReport weeklyReport) {
    this.weeklyReport = weeklyReport;
    this.teamTable = teamTable;
    this.developerLists = developerLists;
    this.query = query;
    this.roster = roster;
    this.settings = settings;
    this.access = access;
    this.clock = clock;
  }

  /** The reporting period as of now (last complete week, default range, range parsing, cap). */
  // A calendar or a setting, nobody's data: the metrics gauges read it without a user.
  @PreAuthorize("permitAll()")
  public ReportingPeriod period() {
    return ReportingPeriod.at(clock, settings.current().zone());
  }

  /** The most recent week that has ended, in the organisation's zone. */
  // A calendar or a setting, nobody's data: the metrics gauges read it without a user.
  @PreAuthorize("permitAll()")
  public IsoWeek lastCompleteWeek() {
    return period().lastCompleteWeek();
  }

  /** The 26 complete weeks up to last week: the default range of every screen. */
  // A calendar or a setting, nobody's data: the metrics gauges read it without a user.
  @PreAuthorize("permitAll()")
  public WeekRange defaultRange() {
    return period().defaultRange();
  }

  // A calendar or a setting, nobody's data: the metrics gauges read it without a user.
  @PreAuthorize("permitAll()")
  public double goal() {
    return settings.current().goal().doubleValue();
  }

  /** Weekly headcount, AI users and tool reach for a scope, pooled over the range. */
  public AdoptionReport weeklyAdoption(Scope scope, WeekRange range) {
    checkRange(range);
    access.checkAggregates(scope);
    ScopeIds ids = roster.scope(scope);
    IsoWeek forecastEnd =
        range.to().compareTo(lastCompleteWeek()) < 0 ? range.to() : lastCompleteWeek();
    return weeklyReport.report(scope, ids, range, goal(), forecastEnd);
  }

  /**
   * Adoption of a scope in one week, unchecked and unsuppressed: only for the metrics gauge, which
   * applies the small-group rule itself (package-private so no screen or controller can call it).
   */
  @PreAuthorize("permitAll()")
  Ratio adoption(Scope scope, IsoWeek week) {
    return ScopeWeek.byWeek(
            query.headcountAndAiUsers(new WeekRange(week, week), roster.scope(scope)))
        .getOrDefault(week.monday(), ScopeWeek.NONE)
        .adoption();
  }

  /**
   * Consecutive complete weeks, ending {@code asOf}, with adoption at or above the goal (looks back
   * up to 104 weeks).
   */
  public Integer streak(Scope scope, IsoWeek asOf) {
    access.checkAggregates(scope);
    WeekRange lookBack = WeekRange.ending(asOf, AdoptionStreak.LOOK_BACK_WEEKS);
    return AdoptionStreak.weeksAtGoal(
        lookBack.weeks(),
        ScopeWeek.byWeek(query.headcountAndAiUsers(lookBack, roster.scope(scope))),
        access.smallGroups(scope)::hidden,
        goal());
  }

  /** The team table's default rows: the leaf teams of the scope, the teams below goal first. */
  public List<TeamAdoption> teamAdoption(Scope scope, IsoWeek week) {
    return teamAdoption(scope, week, TeamRows.LEAVES);
  }

  /**
   * The team table of a scope: adoption in {@code week}, pooled over the 4 weeks ending then, the
   * 12-week trend and the forecast of each team's own trend, ranked with the lowest adoption first
   * (teams below goal lead; rows without figures last). Which teams: {@link TeamRows}; a scope with
   * no team below it lists itself.
   */
  public List<TeamAdoption> teamAdoption(Scope scope, IsoWeek week, TeamRows which) {
    access.checkAggregates(scope);
    return teamTable.rows(scope, week, which, goal());
  }

  /** Which teams the team table lists for a scope. */
  public enum TeamRows {
    /** The teams at the bottom of the tree inside the scope: "which teams are below goal?". */
    LEAVES,
    /**
     * The teams one level down (past a level with a single team, such as an organisation's one
     * top-level team).
     */
    CHILDREN
  }

  public List<Cohorts> cohorts(Scope scope, WeekRange range) {
    checkRange(range);
    access.checkAggregates(scope);
    ScopeIds ids = roster.scope(scope);
    Map<LocalDate, ScopeWeek> headcounts = ScopeWeek.byWeek(query.headcountAndAiUsers(range, ids));
    Map<LocalDate, AdoptionQuery.CohortWeek> byWeek = new HashMap<>();
    for (AdoptionQuery.CohortWeek c : query.cohortsByWeek(range, ids)) {
      byWeek.put(c.monday(), c);
    }
    SmallGroupRule smallGroups = access.smallGroups(scope);
    return range.weeks().stream()
        .map(
            w -> {
              if (smallGroups.hidden(
                  headcounts.getOrDefault(w.monday(), ScopeWeek.NONE).headcount())) {
                return new Cohorts(w, 0, 0, 0, true);
              }
              AdoptionQuery.CohortWeek n = byWeek.get(w.monday());
              return n == null
                  ? new Cohorts(w, 0, 0, 0, false)
                  : new Cohorts(w, n.light(), n.moderate(), n.heavy(), false);
            })
        .toList();
  }

  /** The teams whose aggregates the signed-in user may see: the scope picker's choices. */
  public List<Team> teamsWithAggregates() {
    return access.teamsWithAggregates();
  }

  /**
   * Everything the Adoption screen shows, read from one consistent snapshot; the list of developers
   * without AI use only its first rows and total, paged on through {@link #withoutAiUse(Scope,
   * IsoWeek, int, int)}.
   */
  public record Screen(
      AdoptionReport report,
      Integer streak,
      List<Cohorts> cohorts,
      List<TeamAdoption> teams,
      boolean individuals,
      InactiveDevelopers inactive) {}

  /**
   * The Adoption screen's figures in one read-only snapshot transaction (never a mix of the state
   * before and after an import).
   */
  public Screen screen(Scope scope, WeekRange range) {
    return screen(scope, range, TeamRows.LEAVES);
  }

  /** {@link #screen(Scope, WeekRange)} with the team table's rows chosen. */
  public Screen screen(Scope scope, WeekRange range, TeamRows teamRows) {
    IsoWeek latest = range.to();
    boolean individuals = access.maySeeIndividuals(scope);
    return new Screen(
        weeklyAdoption(scope, range),
        streak(scope, latest),
        cohorts(scope, range),
        teamAdoption(scope, latest, teamRows),
        individuals,
        individuals
            ? inactivePage(scope, latest, 0, SCREEN_INACTIVE_ROWS)
            : new InactiveDevelopers(List.of(), 0));
  }

  /** Whether the signed-in user may see individual developers of this scope. */
  public boolean maySeeIndividuals(Scope scope) {
    return access.maySeeIndividuals(scope);
  }

  /** The scope a screen opens with for the signed-in user (own team for managers and members). */
  public Scope defaultScope() {
    return access.defaultScope();
  }

  /**
   * The signed-in person's own weekly usage per tool ("My usage"); empty when no developer record
   * is linked.
   */
  public List<OwnUsage> myUsage(WeekRange range) {
    checkRange(range);
    return access.ownDeveloperId().map(id -> developerLists.usageOf(id, range)).orElse(List.of());
  }

  /** Whether the signed-in person has a linked developer record. */
  public boolean hasOwnUsage() {
    return access.ownDeveloperId().isPresent();
  }

  /** The minimum group size k, for "fewer than k developers". */
  // A calendar or a setting, nobody's data: the metrics gauges read it without a user.
  @PreAuthorize("permitAll()")
  public int minGroupSize() {
    return access.minGroupSize();
  }

  /**
   * Developers in headcount with no AI use in the 4 complete weeks ending {@code asOf}, all of them
   * (for the CSV export).
   */
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  public List<InactiveDeveloper> withoutAiUse(Scope scope, IsoWeek asOf) {
    return withoutAiUse(scope, asOf, 0, Integer.MAX_VALUE).rows();
  }

  /**
   * One page of {@link #withoutAiUse(Scope, IsoWeek)}, ordered by team and name, with how many
   * there are in all.
   */
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  public InactiveDevelopers withoutAiUse(Scope scope, IsoWeek asOf, int offset, int limit) {
    checkIndividuals(scope);
    return inactivePage(scope, asOf, offset, limit);
  }

  private InactiveDevelopers inactivePage(Scope scope, IsoWeek asOf, int offset, int limit) {
    return developerLists.withoutAiUse(roster.scope(scope), asOf, offset, limit);
  }

  private void checkIndividuals(Scope scope) {
    if (!access.maySeeIndividuals(scope)) {
      throw new AccessDeniedException(
          "individual developers are visible only inside your own team");
    }
  }

  private static void checkRange(WeekRange range) {
    ReportingPeriod.check(range);
  }
}
