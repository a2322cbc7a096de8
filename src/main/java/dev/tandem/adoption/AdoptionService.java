package dev.tandem.adoption;

import dev.tandem.access.AccessPolicy;
import dev.tandem.access.SmallGroupRule;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.ReportingPeriod;
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
import org.jspecify.annotations.Nullable;
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

  /**
   * Weekly headcount, AI users and tool reach for a team's scope ({@code null} = organisation),
   * pooled over the range.
   */
  public AdoptionReport weeklyAdoption(@Nullable String teamKey, WeekRange range) {
    checkRange(range);
    access.checkAggregates(teamKey);
    ScopeIds scope = scope(teamKey);
    IsoWeek forecastEnd =
        range.to().compareTo(lastCompleteWeek()) < 0 ? range.to() : lastCompleteWeek();
    return weeklyReport.report(teamKey, scope, range, goal(), forecastEnd);
  }

  /**
   * Adoption of a scope in one week, unchecked and unsuppressed: only for the metrics gauge, which
   * applies the small-group rule itself (package-private so no screen or controller can call it).
   */
  @PreAuthorize("permitAll()")
  Ratio adoption(@Nullable String teamKey, IsoWeek week) {
    return ScopeWeek.byWeek(query.headcountAndAiUsers(new WeekRange(week, week), scope(teamKey)))
        .getOrDefault(week.monday(), ScopeWeek.NONE)
        .adoption();
  }

  /**
   * Consecutive complete weeks, ending {@code asOf}, with adoption at or above the goal (looks back
   * up to 104 weeks).
   */
  public Integer streak(@Nullable String teamKey, IsoWeek asOf) {
    access.checkAggregates(teamKey);
    WeekRange lookBack = WeekRange.ending(asOf, AdoptionStreak.LOOK_BACK_WEEKS);
    return AdoptionStreak.weeksAtGoal(
        lookBack.weeks(),
        ScopeWeek.byWeek(query.headcountAndAiUsers(lookBack, scope(teamKey))),
        access.smallGroups(teamKey)::hidden,
        goal());
  }

  /** The team table's default rows: the leaf teams of the scope, the teams below goal first. */
  public List<TeamAdoption> teamAdoption(@Nullable String teamKey, IsoWeek week) {
    return teamAdoption(teamKey, week, TeamRows.LEAVES);
  }

  /**
   * The team table of a scope: adoption in {@code week}, pooled over the 4 weeks ending then, the
   * 12-week trend and the forecast of each team's own trend, ranked with the lowest adoption first
   * (teams below goal lead; rows without figures last). Which teams: {@link TeamRows}; a scope with
   * no team below it lists itself.
   */
  public List<TeamAdoption> teamAdoption(@Nullable String teamKey, IsoWeek week, TeamRows which) {
    access.checkAggregates(teamKey);
    return teamTable.rows(teamKey, week, which, goal());
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

  public List<Cohorts> cohorts(@Nullable String teamKey, WeekRange range) {
    checkRange(range);
    access.checkAggregates(teamKey);
    ScopeIds scope = scope(teamKey);
    Map<LocalDate, ScopeWeek> headcounts =
        ScopeWeek.byWeek(query.headcountAndAiUsers(range, scope));
    Map<LocalDate, AdoptionQuery.CohortWeek> byWeek = new HashMap<>();
    for (AdoptionQuery.CohortWeek c : query.cohortsByWeek(range, scope)) {
      byWeek.put(c.monday(), c);
    }
    SmallGroupRule smallGroups = access.smallGroups(teamKey);
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
   * without AI use only its first rows and total, paged on through {@link #withoutAiUse(String,
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
  public Screen screen(@Nullable String teamKey, WeekRange range) {
    return screen(teamKey, range, TeamRows.LEAVES);
  }

  /** {@link #screen(String, WeekRange)} with the team table's rows chosen. */
  public Screen screen(@Nullable String teamKey, WeekRange range, TeamRows teamRows) {
    IsoWeek latest = range.to();
    boolean individuals = access.maySeeIndividuals(teamKey);
    return new Screen(
        weeklyAdoption(teamKey, range),
        streak(teamKey, latest),
        cohorts(teamKey, range),
        teamAdoption(teamKey, latest, teamRows),
        individuals,
        individuals
            ? inactivePage(teamKey, latest, 0, SCREEN_INACTIVE_ROWS)
            : new InactiveDevelopers(List.of(), 0));
  }

  /** Whether the signed-in user may see individual developers of this scope. */
  public boolean maySeeIndividuals(@Nullable String teamKey) {
    return access.maySeeIndividuals(teamKey);
  }

  /** The scope a screen opens with for the signed-in user (own team for managers and members). */
  public String defaultTeam() {
    return access.defaultTeam();
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
  public List<InactiveDeveloper> withoutAiUse(@Nullable String teamKey, IsoWeek asOf) {
    return withoutAiUse(teamKey, asOf, 0, Integer.MAX_VALUE).rows();
  }

  /**
   * One page of {@link #withoutAiUse(String, IsoWeek)}, ordered by team and name, with how many
   * there are in all.
   */
  @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
  public InactiveDevelopers withoutAiUse(
      @Nullable String teamKey, IsoWeek asOf, int offset, int limit) {
    checkIndividuals(teamKey);
    return inactivePage(teamKey, asOf, offset, limit);
  }

  private InactiveDevelopers inactivePage(
      @Nullable String teamKey, IsoWeek asOf, int offset, int limit) {
    return developerLists.withoutAiUse(roster.scope(teamKey), asOf, offset, limit);
  }

  private void checkIndividuals(@Nullable String teamKey) {
    if (!access.maySeeIndividuals(teamKey)) {
      throw new AccessDeniedException(
          "individual developers are visible only inside your own team");
    }
  }

  /** The scope of a team key (null or blank: the organisation); an unknown key is a 400. */
  private ScopeIds scope(@Nullable String teamKey) {
    return roster.scope(teamKey);
  }

  private static void checkRange(WeekRange range) {
    ReportingPeriod.check(range);
  }
}
