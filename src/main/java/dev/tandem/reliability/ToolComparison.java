package dev.tandem.reliability;

import dev.tandem.access.AccessPolicy;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Scope;
import dev.tandem.base.Severity;
import dev.tandem.base.WeekRange;
import dev.tandem.rollup.ScopeIds;
import dev.tandem.roster.RosterService;
import dev.tandem.settings.SettingsService;
import dev.tandem.stats.Holm;
import dev.tandem.stats.Median;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.RateRatio;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The comparison of DESIGN §3.3 behind {@link ReliabilityService} (which checks access, hides small
 * groups and holds the snapshot transaction): incidents and exposure per tool, all AI tools and the
 * baseline, rate ratios with Holm's adjustment and the within-teams ratio.
 */
@Component
class ToolComparison {

  private final ReliabilityQuery query;
  private final RosterService roster;
  private final ToolService tools;
  private final SettingsService settings;
  private final AccessPolicy access;

  ToolComparison(
      ReliabilityQuery query,
      RosterService roster,
      ToolService tools,
      SettingsService settings,
      AccessPolicy access) {
    this.query = query;
    this.roster = roster;
    this.tools = tools;
    this.settings = settings;
    this.access = access;
  }

  /** Each tool and all AI tools against the baseline in a scope (access checked by the caller). */
  Comparison compare(WeekRange range, Scope scope, ScopeIds ids, ZoneId zone, Exposure requested) {
    List<WeekBounds> weeks = WeekBounds.of(range, zone);
    WeeklyExposure exp = new WeeklyExposure(query, weeks, ids);
    Exposure exposure = choose(requested, exp);

    Map<String, Map<String, Long>> bySeverity = new LinkedHashMap<>();
    Map<String, Long> agentIncidents = new HashMap<>();
    long unclassified = 0;
    for (ReliabilityQuery.IncidentCount c : query.incidentsByWeek(weeks, ids)) {
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
    for (ReliabilityQuery.Restore r : query.restores(weeks, ids)) {
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
            bySeverity.getOrDefault(ReliabilityService.BASELINE, emptySeverities()),
            exp.total(exposure, ReliabilityService.BASELINE),
            restoreMinutes.get(ReliabilityService.BASELINE));
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
    dev.tandem.access.SmallGroupRule smallGroups = access.smallGroups(scope);
    Map<String, Integer> developers = query.developersByTool(weeks, ids, smallGroups.k());
    TeamStrata strata = new TeamStrata(query, weeks, ids);
    Map<Long, String> teamNames = teamNames();
    toolFigures.replaceAll(
        t -> t.within(strata.within(t.tool(), exposure, teamNames, smallGroups)));
    ToolFigures allAi =
        allAi(exposure, exp, bySeverity, restoreMinutes, agentIncidents, baseline, toolFigures)
            .within(strata.within(ReliabilityService.ALL_AI, exposure, teamNames, smallGroups));
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
        scope,
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
          if (!ReliabilityService.BASELINE.equals(group)) {
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
        ReliabilityService.ALL_AI,
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
    withData.remove(ReliabilityService.BASELINE);
    Map<String, String> listed = new LinkedHashMap<>();
    for (Tool t : tools.tools()) {
      if (t.active() || withData.contains(t.key())) {
        listed.put(t.key(), t.name());
      }
    }
    withData.stream().filter(k -> !listed.containsKey(k)).sorted().forEach(k -> listed.put(k, k));
    return listed;
  }

  /** The exposure asked for, or the default of DESIGN §3.3 for this data. */
  Exposure choose(Exposure requested, WeeklyExposure exp) {
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
    return involvement == AiInvolvement.NONE ? ReliabilityService.BASELINE : null;
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

  private static Map<String, Long> emptySeverities() {
    Map<String, Long> m = new LinkedHashMap<>();
    Arrays.stream(Severity.values()).forEach(s -> m.put(s.stored(), 0L));
    return m;
  }

  private Map<Long, String> teamNames() {
    Map<Long, String> names = new HashMap<>();
    roster.teams().forEach(t -> names.put(t.id(), t.name()));
    return names;
  }
}
