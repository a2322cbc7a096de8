package dev.tandem.reliability;

import dev.tandem.access.AccessPolicy;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Attribution;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.ReportingPeriod;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.roster.RosterService;
import dev.tandem.settings.SettingsService;
import dev.tandem.stats.RateRatio;
import dev.tandem.tools.ToolService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * DESIGN §3.3, computed here and nowhere else: per tool and for the baseline, over a team's scope
 * and a range of weeks, incidents over exposure, the rate, the rate ratio with its exact 95%
 * interval, the p-value and the verdict, and the same ratio within teams (Mantel–Haenszel over the
 * developers' teams, {@link TeamStrata}); the AI versus baseline rate over time; root causes and
 * safeguard gaps.
 *
 * <p>An incident belongs to the week of its start in the organisation's zone, and to the scope of
 * its owning team. Unclassified ({@code unknown}) incidents count in neither group.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("isAuthenticated()")
public class ReliabilityService {

  /** The over-time chart compares rates over windows of this many weeks. */
  public static final int WINDOW_WEEKS = 4;

  static final String BASELINE = Attribution.NONE;

  /** The key of the all-AI-tools row (not a tool key: tool keys never hold a space). */
  public static final String ALL_AI = "all AI tools";

  private final ReliabilityQuery query;
  private final RosterService roster;
  private final SettingsService settings;
  private final Clock clock;
  private final AccessPolicy access;
  private final ToolComparison comparisons;
  private final ToolService tools;

  ReliabilityService(
      ReliabilityQuery query,
      RosterService roster,
      SettingsService settings,
      Clock clock,
      AccessPolicy access,
      ToolComparison comparisons,
      ToolService tools) {
    this.tools = tools;
    this.access = access;
    this.query = query;
    this.roster = roster;
    this.settings = settings;
    this.clock = clock;
    this.comparisons = comparisons;
  }

  /** Weeks shown when no range is asked for: the last 26 complete weeks. */
  public static final int DEFAULT_WEEKS = ReportingPeriod.DEFAULT_WEEKS;

  /** The reporting period as of now (last complete week, default range, range parsing, cap). */
  // A calendar or a setting, nobody's data: the metrics gauges read it without a user.
  @PreAuthorize("permitAll()")
  public ReportingPeriod period() {
    return ReportingPeriod.at(clock, settings.current().zone());
  }

  /** The last {@link #DEFAULT_WEEKS} complete weeks. */
  // A calendar or a setting, nobody's data: the metrics gauges read it without a user.
  @PreAuthorize("permitAll()")
  public WeekRange defaultRange() {
    return period().defaultRange();
  }

  /** The last complete week in the organisation's zone. */
  // A calendar or a setting, nobody's data: the metrics gauges read it without a user.
  @PreAuthorize("permitAll()")
  public IsoWeek lastCompleteWeek() {
    return period().lastCompleteWeek();
  }

  /**
   * Each tool against the baseline. {@code exposure} null takes the default of DESIGN §3.3: the
   * {@code default-exposure} setting, except that changes fall back to developer-weeks when there
   * is no change data for the period and scope.
   */
  public Comparison comparison(WeekRange range, Scope scope, Exposure exposure) {
    ReportingPeriod.check(range);
    access.checkAggregates(scope);
    if (suppressed(range, scope)) {
      return Comparison.suppressed(
          range,
          scope,
          exposure != null ? exposure : Exposure.fromKey(settings.current().defaultExposure()));
    }
    return comparisons
        .compare(range, scope, roster.scope(scope), zone(), exposure)
        .withChangesNotCounted(
            query.changesOutsideHeadcount(WeekBounds.of(range, zone()), roster.scope(scope)));
  }

  /**
   * A team against the rest of the organisation on the overall incident rate (the My team screen).
   */
  public TeamVsOrganisation teamVsOrganisation(WeekRange range, Scope scope, Exposure requested) {
    ReportingPeriod.check(range);
    access.checkAggregates(scope);
    List<WeekBounds> weeks = WeekBounds.of(range, zone());
    WeeklyExposure org = new WeeklyExposure(query, weeks, ScopeIds.ORGANISATION);
    Exposure exposure = comparisons.choose(requested, org);
    if (suppressed(range, scope)) {
      return new TeamVsOrganisation(exposure, 0, 0, 0, 0, null, true);
    }
    ScopeIds ids = roster.scope(scope);
    WeeklyExposure team = new WeeklyExposure(query, weeks, ids);
    long teamIncidents = incidents(weeks, ids);
    long orgIncidents = incidents(weeks, ScopeIds.ORGANISATION);
    long teamExposure = team.all(exposure);
    long restIncidents = orgIncidents - teamIncidents;
    long restExposure = org.all(exposure) - teamExposure;
    return new TeamVsOrganisation(
        exposure,
        teamIncidents,
        teamExposure,
        restIncidents,
        restExposure,
        RateRatio.compare(teamIncidents, teamExposure, restIncidents, restExposure),
        false);
  }

  private long incidents(List<WeekBounds> weeks, ScopeIds scope) {
    return query.incidentsByWeek(weeks, scope).stream()
        .mapToLong(ReliabilityQuery.IncidentCount::incidents)
        .sum();
  }

  /** The teams whose aggregates the signed-in user may see: the scope picker's choices. */
  public List<dev.tandem.roster.Team> teamsWithAggregates() {
    return access.teamsWithAggregates();
  }

  /** Whether the signed-in user may see this team's aggregates (pickers offer only those). */
  public boolean mayView(Scope scope) {
    return access.mayViewAggregates(scope);
  }

  /** The minimum group size k (a setting). */
  // A calendar or a setting, nobody's data: the metrics gauges read it without a user.
  @PreAuthorize("permitAll()")
  public int minGroupSize() {
    return access.minGroupSize();
  }

  /**
   * Whether the scope had fewer than k developers in the range and the viewer may not see them:
   * then no reliability figure of it is shown (DESIGN §3.4).
   */
  boolean suppressed(WeekRange range, Scope scope) {
    return access.hiddenOver(scope, range);
  }

  /**
   * The AI-involved and baseline rates per window of {@link #WINDOW_WEEKS} weeks, the windows
   * ending with the range's last week, all of equal length (see {@link #windows}).
   */
  public List<RateWindow> overTime(WeekRange range, Scope scope, Exposure exposure) {
    ReportingPeriod.check(range);
    access.checkAggregates(scope);
    if (suppressed(range, scope)) {
      return List.of();
    }
    ScopeIds ids = roster.scope(scope);
    List<WeekBounds> weeks = WeekBounds.of(range, zone());
    WeeklyExposure exp = new WeeklyExposure(query, weeks, ids);
    Exposure chosen = comparisons.choose(exposure, exp);
    Map<LocalDate, long[]> incidents = new LinkedHashMap<>();
    for (ReliabilityQuery.IncidentCount c : query.incidentsByWeek(weeks, ids)) {
      long[] aiAndBaseline = incidents.computeIfAbsent(c.monday(), m -> new long[2]);
      if (c.involvement().aiInvolved()) {
        aiAndBaseline[0] += c.incidents();
      } else if (c.involvement() == AiInvolvement.NONE) {
        aiAndBaseline[1] += c.incidents();
      }
    }
    List<RateWindow> windows = new ArrayList<>();
    for (WeekRange window : windows(range)) {
      long ai = 0;
      long base = 0;
      long aiExposure = 0;
      long baseExposure = 0;
      for (IsoWeek w : window.weeks()) {
        long[] counts = incidents.getOrDefault(w.monday(), new long[2]);
        ai += counts[0];
        base += counts[1];
        aiExposure += exp.ai(chosen, w.monday());
        baseExposure += exp.baseline(chosen, w.monday());
      }
      windows.add(
          new RateWindow(
              window,
              ai,
              aiExposure,
              chosen.rate(ai, aiExposure),
              base,
              baseExposure,
              chosen.rate(base, baseExposure)));
    }
    return windows;
  }

  /** Root causes and safeguard gaps of AI-involved versus other classified incidents. */
  public CausesAndSafeguards causesAndSafeguards(WeekRange range, Scope scope) {
    ReportingPeriod.check(range);
    access.checkAggregates(scope);
    if (suppressed(range, scope)) {
      return IncidentProfiles.none();
    }
    return IncidentProfiles.of(
        query.causesAndSafeguards(WeekBounds.of(range, zone()), roster.scope(scope)),
        tools.names());
  }

  /**
   * The rate ratio of each tool over the latest 12 complete weeks, organisation-wide, with the
   * default exposure (NaN where undefined). Organisation-wide aggregates only, for the metrics
   * gauges, which run outside any user's session; open like the metrics endpoint that publishes
   * them.
   */
  @PreAuthorize("permitAll()")
  public Map<String, Double> latestRateRatios() {
    Map<String, Double> ratios = new LinkedHashMap<>();
    latestToolFigures().forEach((tool, t) -> ratios.put(tool, t.comparison().rateRatio()));
    return ratios;
  }

  /**
   * Each tool's figures over the latest 12 complete weeks, organisation-wide, with the default
   * exposure, keyed by tool; {@link SafeguardComparison#ALL_AI} is all AI tools together. For the
   * metrics gauges only (no user's scope applies; open like the metrics endpoint that publishes
   * them).
   */
  @PreAuthorize("permitAll()")
  public Map<String, ToolFigures> latestToolFigures() {
    Comparison c =
        comparisons.compare(
            WeekRange.ending(lastCompleteWeek(), 12),
            Scope.ORGANISATION,
            ScopeIds.ORGANISATION,
            zone(),
            null);
    Map<String, ToolFigures> out = new LinkedHashMap<>();
    if (c.allAi() != null) {
      out.put(SafeguardComparison.ALL_AI, c.allAi());
    }
    c.tools().forEach(t -> out.put(t.tool(), t));
    return out;
  }

  /**
   * Windows of {@link #WINDOW_WEEKS} weeks ending with the range's last week, all of equal length
   * so their rates compare like with like: weeks before the first whole window are left out (a
   * range shorter than one window is one window).
   */
  static List<WeekRange> windows(WeekRange range) {
    List<WeekRange> windows = new ArrayList<>();
    IsoWeek end = range.to();
    while (end.minus(WINDOW_WEEKS - 1L).compareTo(range.from()) >= 0) {
      IsoWeek start = end.minus(WINDOW_WEEKS - 1L);
      windows.add(0, new WeekRange(start, end));
      end = start.minus(1);
    }
    if (windows.isEmpty()) {
      windows.add(range);
    }
    return windows;
  }

  private ZoneId zone() {
    return settings.current().zone();
  }
}
