package dev.tandem.alerts;

import dev.tandem.adoption.AdoptionService;
import dev.tandem.adoption.TeamAdoption;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.WeekRange;
import dev.tandem.ingest.ImportBatch;
import dev.tandem.ingest.ImportService;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.IncidentProfile;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.stats.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The conditions that hold now for the enabled rules; call as the system. */
  List<Condition> holding(List<RuleSetting> rules) {
    List<Condition> out = new ArrayList<>();
    for (RuleSetting r : rules) {
      if (!r.enabled()) {
        continue;
      }
      int n = r.threshold().intValue();
      switch (r.rule()) {
        case ADOPTION_BELOW_GOAL -> out.addAll(teamsBelowGoal(n));
        case TOOL_VERDICT_HIGHER -> out.addAll(toolsHigher(n));
        case UNREVIEWED_AI_INCIDENTS -> out.addAll(unreviewed(r.threshold().doubleValue()));
        case IMPORT_SOURCE_STALE -> out.addAll(staleSources(n));
        case IMPORT_REFUSED -> out.addAll(refusedImports());
      }
    }
    return out;
  }

  /** Leaf teams whose adoption was below goal in each of the last {@code weeks} complete weeks. */
  private List<Condition> teamsBelowGoal(int weeks) {
    IsoWeek last = adoption.lastCompleteWeek();
    List<Condition> out = new ArrayList<>();
    for (TeamAdoption t : adoption.teamAdoption(null, last)) {
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

  private List<Condition> toolsHigher(int weeks) {
    Comparison c =
        reliability.comparison(
            WeekRange.ending(reliability.lastCompleteWeek(), Math.max(1, weeks)), null, null);
    return c.tools().stream()
        .filter(t -> !t.suppressed() && t.adjustedVerdict() == Verdict.HIGHER)
        .map(
            t ->
                new Condition(
                    AlertRule.TOOL_VERDICT_HIGHER,
                    t.tool(),
                    null,
                    ReliabilityFormat.sentence(t, c.exposure(), c.comparedTools())))
        .toList();
  }

  private List<Condition> unreviewed(double threshold) {
    IncidentProfile.SafeguardGap gap =
        reliability
            .causesAndSafeguards(
                WeekRange.ending(reliability.lastCompleteWeek(), SAFEGUARD_WEEKS), null)
            .aiInvolved()
            .notPeerReviewed();
    if (gap.ofIncidents() == 0 || gap.share() <= threshold) {
      return List.of();
    }
    return List.of(
        new Condition(
            AlertRule.UNREVIEWED_AI_INCIDENTS,
            "all-ai",
            null,
            ReliabilityFormat.gap(gap) + " of AI-involved incidents were not peer reviewed"));
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
