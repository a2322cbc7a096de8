package dev.tandem.reliability;

import dev.tandem.access.AccessPolicy;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Attribution;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.ReportingPeriod;
import dev.tandem.base.Severity;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.Scope;
import dev.tandem.roster.RosterService;
import dev.tandem.settings.SettingsService;
import dev.tandem.stats.Holm;
import dev.tandem.stats.Median;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.RateRatio;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
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
  private final ToolService tools;
  private final SettingsService settings;
  private final Clock clock;
  private final AccessPolicy access;

  ReliabilityService(
      ReliabilityQuery query,
      RosterService roster,
      ToolService tools,
      SettingsService settings,
      Clock clock,
      AccessPolicy access) {
    this.access = access;
    this.query = query;
    this.roster = roster;
    this.tools = tools;
    this.settings = settings;
    this.clock = clock;
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
   * is no change data for the period and scope. {@code teamKey} null is the whole organisation.
   */
  public Comparison comparison(WeekRange range, @Nullable String teamKey, Exposure exposure) {
    ReportingPeriod.check(range);
    access.checkAggregates(teamKey);
    if (suppressed(range, teamKey)) {
      return Comparison.suppressed(
          range,
          teamKey,
          exposure != null ? exposure : Exposure.fromKey(settings.current().defaultExposure()));
    }
    return compare(range, teamKey, exposure)
        .withChangesNotCounted(
            query.changesOutsideHeadcount(WeekBounds.of(range, zone()), scope(teamKey)));
  }

  /**
   * A team against the rest of the organisation on the overall incident rate (the My team screen).
   */
  public TeamVsOrganisation teamVsOrganisation(
      WeekRange range, @Nullable String teamKey, Exposure requested) {
    ReportingPeriod.check(range);
    access.checkAggregates(teamKey);
    List<WeekBounds> weeks = WeekBounds.of(range, zone());
    WeeklyExposure org = new WeeklyExposure(query, weeks, Scope.ORGANISATION);
    Exposure exposure = choose(requested, org);
    if (suppressed(range, teamKey)) {
      return new TeamVsOrganisation(exposure, 0, 0, 0, 0, null, true);
    }
    Scope scope = scope(teamKey);
    WeeklyExposure team = new WeeklyExposure(query, weeks, scope);
    long teamIncidents = incidents(weeks, scope);
    long orgIncidents = incidents(weeks, Scope.ORGANISATION);
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

  private long incidents(List<WeekBounds> weeks, Scope scope) {
    return query.incidentsByWeek(weeks, scope).stream()
        .mapToLong(ReliabilityQuery.IncidentCount::incidents)
        .sum();
  }

  /** The teams whose aggregates the signed-in user may see: the scope picker's choices. */
  public List<dev.tandem.roster.Team> teamsWithAggregates() {
    return access.teamsWithAggregates();
  }

  /** Whether the signed-in user may see this team's aggregates (pickers offer only those). */
  public boolean mayView(@Nullable String teamKey) {
    return access.mayViewAggregates(teamKey);
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
  boolean suppressed(WeekRange range, @Nullable String teamKey) {
    return access.hiddenOver(teamKey, range);
  }

  /**
   * The AI-involved and baseline rates per window of {@link #WINDOW_WEEKS} weeks, the windows
   * ending with the range's last week, all of equal length (see {@link #windows}).
   */
  public List<RateWindow> overTime(WeekRange range, @Nullable String teamKey, Exposure exposure) {
    ReportingPeriod.check(range);
    access.checkAggregates(teamKey);
    if (suppressed(range, teamKey)) {
      return List.of();
    }
    Scope scope = scope(teamKey);
    List<WeekBounds> weeks = WeekBounds.of(range, zone());
    WeeklyExposure exp = new WeeklyExposure(query, weeks, scope);
    Exposure chosen = choose(exposure, exp);
    Map<LocalDate, long[]> incidents = new LinkedHashMap<>();
    for (ReliabilityQuery.IncidentCount c : query.incidentsByWeek(weeks, scope)) {
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
  public CausesAndSafeguards causesAndSafeguards(WeekRange range, @Nullable String teamKey) {
    ReportingPeriod.check(range);
    access.checkAggregates(teamKey);
    if (suppressed(range, teamKey)) {
      return IncidentProfiles.none();
    }
    Map<String, String> names = new LinkedHashMap<>();
    tools.tools().forEach(t -> names.put(t.key(), t.name()));
    return IncidentProfiles.of(
        query.causesAndSafeguards(WeekBounds.of(range, zone()), scope(teamKey)), names);
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
    Comparison c = compare(WeekRange.ending(lastCompleteWeek(), 12), null, null);
    Map<String, ToolFigures> out = new LinkedHashMap<>();
    if (c.allAi() != null) {
      out.put(SafeguardComparison.ALL_AI, c.allAi());
    }
    c.tools().forEach(t -> out.put(t.tool(), t));
    return out;
  }

  private Comparison compare(WeekRange range, @Nullable String teamKey, Exposure requested) {
    Scope scope = scope(teamKey);
    List<WeekBounds> weeks = WeekBounds.of(range, zone());
    WeeklyExposure exp = new WeeklyExposure(query, weeks, scope);
    Exposure exposure = choose(requested, exp);

    Map<String, Map<String, Long>> bySeverity = new LinkedHashMap<>();
    Map<String, Long> agentIncidents = new HashMap<>();
    long unclassified = 0;
    for (ReliabilityQuery.IncidentCount c : query.incidentsByWeek(weeks, scope)) {
      String group = group(c.involvement(), c.tool());
      if (group == null) {
        unclassified += c.incidents();
        continue;
      }
      if (c.involvement() == AiInvolvement.AGENT) {
        agentIncidents.merge(group, c.incidents(), Long::sum);
      }
      bySeverity
          .computeIfAbsent(group, g -> emptySeverities())
          .merge(c.severity().stored(), c.incidents(), Long::sum);
    }
    Map<String, List<Double>> restoreMinutes = new LinkedHashMap<>();
    for (ReliabilityQuery.Restore r : query.restores(weeks, scope)) {
      String group = group(r.involvement(), r.tool());
      if (group != null) {
        restoreMinutes
            .computeIfAbsent(group, g -> new ArrayList<>())
            .add(Duration.between(r.startedAt(), r.resolvedAt()).toSeconds() / 60.0);
      }
    }

    GroupFigures baseline =
        figures(
            exposure,
            bySeverity.getOrDefault(BASELINE, emptySeverities()),
            exp.total(exposure, BASELINE),
            restoreMinutes.get(BASELINE));
    List<ToolFigures> toolFigures = new ArrayList<>();
    for (Map.Entry<String, String> tool : listedTools(bySeverity, exp).entrySet()) {
      GroupFigures f =
          figures(
              exposure,
              bySeverity.getOrDefault(tool.getKey(), emptySeverities()),
              exp.total(exposure, tool.getKey()),
              restoreMinutes.get(tool.getKey()));
      RateComparison rr =
          RateRatio.compare(f.incidents(), f.exposure(), baseline.incidents(), baseline.exposure());
      long userWeeks = exp.userWeeks(tool.getKey());
      toolFigures.add(
          new ToolFigures(
              tool.getKey(),
              tool.getValue(),
              f,
              userWeeks,
              exp.developerWeeks() == 0 ? Double.NaN : (double) userWeeks / exp.developerWeeks(),
              exp.developerWeeks() == 0
                  ? Double.NaN
                  : (double) exp.agentUserWeeks(tool.getKey()) / exp.developerWeeks(),
              agentIncidents.getOrDefault(tool.getKey(), 0L),
              rr,
              Double.NaN,
              rr.verdict(),
              false,
              null));
    }
    // Holm over every tool compared (before small groups are hidden: they were compared too).
    double[] p =
        toolFigures.stream()
            .mapToDouble(t -> Holm.inFamily(t.comparison()) ? t.comparison().pValue() : Double.NaN)
            .toArray();
    double[] adjusted = Holm.adjust(p);
    for (int i = 0; i < adjusted.length; i++) {
      toolFigures.set(i, toolFigures.get(i).adjusted(adjusted[i]));
    }
    dev.tandem.access.SmallGroupRule smallGroups = access.smallGroups(teamKey);
    Map<String, Integer> developers = query.developersByTool(weeks, scope, smallGroups.k());
    TeamStrata strata = new TeamStrata(query, weeks, scope);
    Map<Long, String> teamNames = teamNames();
    toolFigures.replaceAll(
        t -> t.within(strata.within(t.tool(), exposure, teamNames, smallGroups)));
    ToolFigures allAi =
        allAi(exposure, exp, bySeverity, restoreMinutes, agentIncidents, baseline, toolFigures)
            .within(strata.within(ALL_AI, exposure, teamNames, smallGroups));
    // The AI group is at least as large as its largest tool; with every tool below k it is hidden
    // too (it may still be larger, but it is never shown when it might not be).
    int largestTool = developers.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    if (smallGroups.hidden(largestTool)) {
      allAi = allAi.hide();
    }
    toolFigures.replaceAll(
        t -> smallGroups.hidden(developers.getOrDefault(t.tool(), 0)) ? t.hide() : t);
    return new Comparison(
        range,
        blankToNull(teamKey),
        exposure,
        exp.developerWeeks(),
        baseline,
        allAi,
        toolFigures,
        Holm.familySize(p),
        unclassified,
        0,
        false);
  }

  /**
   * AI-involved work with any tool (assisted or agent) against the baseline: incidents of every
   * tool, exposure = all AI-attributed changes or developer-weeks with any AI use.
   */
  private static ToolFigures allAi(
      Exposure exposure,
      WeeklyExposure exp,
      Map<String, Map<String, Long>> bySeverity,
      Map<String, List<Double>> restoreMinutes,
      Map<String, Long> agentIncidents,
      GroupFigures baseline,
      List<ToolFigures> tools) {
    Map<String, Long> severities = emptySeverities();
    List<Double> restores = new ArrayList<>();
    bySeverity.forEach(
        (group, counts) -> {
          if (!BASELINE.equals(group)) {
            counts.forEach((sev, n) -> severities.merge(sev, n, Long::sum));
            restores.addAll(restoreMinutes.getOrDefault(group, List.of()));
          }
        });
    GroupFigures f =
        figures(exposure, severities, exp.aiTotal(exposure), restores.isEmpty() ? null : restores);
    RateComparison rr =
        RateRatio.compare(f.incidents(), f.exposure(), baseline.incidents(), baseline.exposure());
    long userWeeks = exp.aiUserWeeks();
    return new ToolFigures(
        ALL_AI,
        "All AI tools together",
        f,
        userWeeks,
        exp.developerWeeks() == 0 ? Double.NaN : (double) userWeeks / exp.developerWeeks(),
        Double.NaN,
        agentIncidents.values().stream().mapToLong(Long::longValue).sum(),
        rr,
        Double.NaN,
        rr.verdict(),
        false,
        null);
  }

  /** Active catalogue tools, and any other tool that has incidents or exposure in the period. */
  private Map<String, String> listedTools(
      Map<String, Map<String, Long>> incidents, WeeklyExposure exp) {
    Set<String> withData = new LinkedHashSet<>(incidents.keySet());
    withData.addAll(exp.toolKeys());
    withData.remove(BASELINE);
    Map<String, String> listed = new LinkedHashMap<>();
    for (Tool t : tools.tools()) {
      if (t.active() || withData.contains(t.key())) {
        listed.put(t.key(), t.name());
      }
    }
    withData.stream().filter(k -> !listed.containsKey(k)).sorted().forEach(k -> listed.put(k, k));
    return listed;
  }

  private Exposure choose(Exposure requested, WeeklyExposure exp) {
    if (requested != null) {
      return requested;
    }
    Exposure preferred = Exposure.fromKey(settings.current().defaultExposure());
    return preferred == Exposure.CHANGES && !exp.hasChangeData()
        ? Exposure.DEVELOPER_WEEKS
        : preferred;
  }

  /** The comparison group of an incident: its tool, the baseline ("none"), or null if unknown. */
  private static String group(AiInvolvement involvement, String tool) {
    if (involvement.aiInvolved()) {
      return tool;
    }
    return involvement == AiInvolvement.NONE ? BASELINE : null;
  }

  private static GroupFigures figures(
      Exposure exposure, Map<String, Long> bySeverity, long e, List<Double> restoreMinutes) {
    long incidents = bySeverity.values().stream().mapToLong(Long::longValue).sum();
    Duration medianRestore =
        restoreMinutes == null
            ? null
            : Duration.ofSeconds(Math.round(Median.of(restoreMinutes).orElseThrow() * 60));
    return new GroupFigures(
        incidents,
        e,
        exposure.rate(incidents, e),
        bySeverity,
        medianRestore,
        restoreMinutes == null ? 0 : restoreMinutes.size());
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

  private static Map<String, Long> emptySeverities() {
    Map<String, Long> m = new LinkedHashMap<>();
    Arrays.stream(Severity.values()).forEach(s -> m.put(s.stored(), 0L));
    return m;
  }

  /** The scope of a team key (null or blank: the organisation); an unknown key is a 400. */
  private Scope scope(@Nullable String teamKey) {
    Set<Long> teams = roster.scope(teamKey);
    return teams == null
        ? Scope.ORGANISATION
        : new Scope(roster.team(teamKey).map(dev.tandem.roster.Team::id).orElseThrow(), teams);
  }

  private Map<Long, String> teamNames() {
    Map<Long, String> names = new HashMap<>();
    roster.teams().forEach(t -> names.put(t.id(), t.name()));
    return names;
  }

  private ZoneId zone() {
    return settings.current().zone();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
