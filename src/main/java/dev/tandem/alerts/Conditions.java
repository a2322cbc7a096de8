package dev.tandem.alerts;

import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.adoption.TeamAdoption;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.ingest.ImportBatch;
import dev.tandem.ingest.ImportService;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.IncidentProfile;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.stats.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which rules' conditions hold now, read from the services that own each figure (run as the system,
 * which sees everything; what a recipient is told is read again as them).
 */
@Component
class Conditions {

  /** Imports looked at for stale sources and refusals. */
  static final int RECENT_BATCHES = 500;

  /** The window of the reliability rules. */
  static final int SAFEGUARD_WEEKS = 12;

  private final AdoptionService adoption;
  private final ReliabilityService reliability;
  private final ImportService imports;
  private final Clock clock;

  Conditions(
      AdoptionService adoption,
      ReliabilityService reliability,
      ImportService imports,
      Clock clock) {
    this.adoption = adoption;
    this.reliability = reliability;
    this.imports = imports;
    this.clock = clock;
  }

  /**
   * The conditions that hold now for the enabled rules; call as the system. The tool and safeguard
   * rules are evaluated for the organisation and for each team scope in {@code teamScopes} (the
   * scopes people subscribed to), as the Reliability screen shows them per scope.
   */
  List<Condition> holding(List<RuleSetting> rules, Collection<String> teamScopes) {
    List<String> scopes = new ArrayList<>();
    scopes.add(null);
    teamScopes.stream().filter(Objects::nonNull).distinct().sorted().forEach(scopes::add);
    List<Condition> out = new ArrayList<>();
    for (RuleSetting r : rules) {
      if (!r.enabled()) {
        continue;
      }
      int n = r.threshold().intValue();
      switch (r.rule()) {
        case ADOPTION_BELOW_GOAL -> out.addAll(teamsBelowGoal(n));
        case FORECAST_NOT_ON_TRACK -> out.addAll(forecastTurned());
        case TOOL_VERDICT_HIGHER -> scopes.forEach(s -> out.addAll(toolsTurnedHigher(n, s)));
        case UNREVIEWED_AI_INCIDENTS ->
            scopes.forEach(s -> out.addAll(unreviewed(r.threshold().doubleValue(), s)));
        case IMPORT_SOURCE_STALE -> out.addAll(staleSources(n));
        case IMPORT_REFUSED -> out.addAll(refusedImports());
      }
    }
    return out;
  }

  /** The key of a condition within its rule: the organisation's as before, a team's suffixed. */
  static String scoped(String key, String teamKey) {
    return teamKey == null ? key : key + "@" + teamKey;
  }

  /** The tool or group a scoped condition is about: its key without the team suffix. */
  static String unscoped(Condition c) {
    return c.teamKey() == null
        ? c.key()
        : c.key().substring(0, c.key().length() - c.teamKey().length() - 1);
  }

  /**
   * The organisation's forecast (DESIGN §3.1, read from {@link AdoptionService}) is not on track as
   * of the last complete week, and was on track, or had none, as of the week before.
   */
  private List<Condition> forecastTurned() {
    IsoWeek last = adoption.lastCompleteWeek();
    AdoptionReport now = adoption.weeklyAdoption(Scope.ORGANISATION, new WeekRange(last, last));
    AdoptionReport before =
        adoption.weeklyAdoption(Scope.ORGANISATION, new WeekRange(last.minus(1), last.minus(1)));
    if (!notOnTrack(now.forecast()) || notOnTrack(before.forecast())) {
      return List.of();
    }
    return List.of(
        new Condition(
            AlertRule.FORECAST_NOT_ON_TRACK,
            "organisation",
            null,
            "Forecast as of "
                + last
                + ": "
                + AdoptionReport.forecastSentence(now, "the organisation")));
  }

  /** A forecast that exists (enough weeks, nothing hidden) and says not on track. */
  static boolean notOnTrack(AdoptionReport.Forecast f) {
    return !f.suppressed() && f.weeksUsed() >= 2 && !f.onTrack();
  }

  /** Leaf teams whose adoption was below goal in each of the last {@code weeks} complete weeks. */
  private List<Condition> teamsBelowGoal(int weeks) {
    IsoWeek last = adoption.lastCompleteWeek();
    List<Condition> out = new ArrayList<>();
    for (TeamAdoption t : adoption.teamAdoption(Scope.ORGANISATION, last)) {
      if (belowGoalWeeks(t) >= Math.max(1, weeks)) {
        out.add(
            new Condition(
                AlertRule.ADOPTION_BELOW_GOAL,
                t.teamKey(),
                t.teamKey(),
                t.teamName() + " below goal for " + weeks + " weeks up to " + last));
      }
    }
    return out;
  }

  /** Complete weeks in a row, ending with the latest, whose adoption lies below the goal. */
  static int belowGoalWeeks(TeamAdoption t) {
    if (t.suppressed()) {
      return 0;
    }
    int n = 0;
    for (int i = t.trend().size() - 1; i >= 0; i--) {
      Double v = t.trend().get(i).value();
      if (v == null || v >= t.goal()) {
        break;
      }
      n++;
    }
    return n;
  }

  /**
   * Tools whose adjusted verdict over the {@code weeks} complete weeks ending last week is {@code
   * higher}, and was not over the same window ending the week before (both from {@link
   * ReliabilityService#comparison}): the week it turns, not every week it stays.
   */
  private List<Condition> toolsTurnedHigher(int weeks, String teamKey) {
    IsoWeek last = reliability.lastCompleteWeek();
    int n = Math.max(1, weeks);
    Comparison now = reliability.comparison(WeekRange.ending(last, n), Scope.of(teamKey), null);
    Set<String> higherNow = higher(now);
    if (higherNow.isEmpty()) {
      return List.of(); // the usual case: the week before need not be read
    }
    Set<String> before =
        higher(reliability.comparison(WeekRange.ending(last.minus(1), n), Scope.of(teamKey), null));
    return now.tools().stream()
        .filter(t -> higherNow.contains(t.tool()) && !before.contains(t.tool()))
        .map(
            t ->
                new Condition(
                    AlertRule.TOOL_VERDICT_HIGHER,
                    scoped(t.tool(), teamKey),
                    teamKey,
                    ReliabilityFormat.sentence(t, now.exposure(), now.comparedTools())
                        + (teamKey == null ? "" : " (" + teamKey + ")")))
        .toList();
  }

  /** The tools whose adjusted verdict is higher (none of a suppressed comparison). */
  static Set<String> higher(Comparison c) {
    if (c.suppressed()) {
      return Set.of();
    }
    return c.tools().stream()
        .filter(t -> !t.suppressed() && t.adjustedVerdict() == Verdict.HIGHER)
        .map(ToolFigures::tool)
        .collect(Collectors.toSet());
  }

  private List<Condition> unreviewed(double threshold, String teamKey) {
    IncidentProfile.SafeguardGap gap =
        reliability
            .causesAndSafeguards(
                WeekRange.ending(reliability.lastCompleteWeek(), SAFEGUARD_WEEKS),
                Scope.of(teamKey))
            .aiInvolved()
            .notPeerReviewed();
    if (gap.ofIncidents() == 0 || gap.share() <= threshold) {
      return List.of();
    }
    return List.of(
        new Condition(
            AlertRule.UNREVIEWED_AI_INCIDENTS,
            scoped("all-ai", teamKey),
            teamKey,
            ReliabilityFormat.gap(gap)
                + " of AI-involved incidents were not peer reviewed"
                + (teamKey == null ? "" : " (" + teamKey + ")")));
  }

  /** Sources (import formats) whose latest applied import is older than {@code days}. */
  private List<Condition> staleSources(int days) {
    OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(Duration.ofDays(days));
    Map<String, OffsetDateTime> latest = new LinkedHashMap<>();
    for (ImportBatch b : imports.batches(RECENT_BATCHES)) {
      if ("applied".equals(b.outcome()) || "partially-applied".equals(b.outcome())) {
        latest.merge(b.format(), b.createdAt(), (x, y) -> x.isAfter(y) ? x : y);
      }
    }
    List<Condition> out = new ArrayList<>();
    latest.forEach(
        (format, at) -> {
          if (at.isBefore(cutoff)) {
            out.add(
                new Condition(
                    AlertRule.IMPORT_SOURCE_STALE,
                    format,
                    null,
                    "No import of "
                        + format
                        + " since "
                        + at.toLocalDate()
                        + " ("
                        + days
                        + " days allowed)"));
          }
        });
    return out;
  }

  /** Imports refused in the last 7 days, one condition each. */
  private List<Condition> refusedImports() {
    OffsetDateTime since = OffsetDateTime.now(clock).minusDays(7);
    return imports.batches(RECENT_BATCHES).stream()
        .filter(b -> "refused".equals(b.outcome()) && b.createdAt().isAfter(since))
        .map(
            b ->
                new Condition(
                    AlertRule.IMPORT_REFUSED,
                    "batch-" + b.id(),
                    null,
                    "Import "
                        + b.id()
                        + " ("
                        + b.format()
                        + (b.fileName() == null ? "" : ", " + b.fileName())
                        + ") by "
                        + b.createdBy()
                        + " was refused: "
                        + b.rowsRejected()
                        + " rows with errors, nothing applied"))
        .toList();
  }

  static String percent(Ratio r) {
    return r.value() == null ? "–" : ReliabilityFormat.percent(r.value());
  }
}
