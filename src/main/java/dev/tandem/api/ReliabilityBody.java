package dev.tandem.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.reliability.CausesAndSafeguards;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.GroupFigures;
import dev.tandem.reliability.IncidentProfile;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.reliability.SafeguardComparison;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.reliability.WithinTeams;
import dev.tandem.stats.RateComparison;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The JSON answer of {@code GET /api/v1/reliability} (DESIGN §5) and how the service's figures map
 * onto it: values that are undefined or infinite are {@code null}.
 */
final class ReliabilityBody {

  private ReliabilityBody() {}

  /**
   * Suppressed values (DESIGN §3.4) are null with {@code "suppressed": true}; the flag is omitted
   * otherwise.
   */
  @Schema(description = "Work without an AI tool: the comparison's reference.")
  record Baseline(
      @Schema(nullable = true) Long incidents,
      @Schema(nullable = true, description = "Changes, or developer-weeks, as named by exposure.")
          Long exposure,
      @Schema(
              nullable = true,
              description =
                  "Per 1,000 changes or per 100 developer-weeks; null when exposure is 0.")
          Double rate,
      @Schema(description = "Present (true) only when the figures are suppressed.")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          Boolean suppressed) {}

  @Schema(description = "One tool's rate and its comparison with the baseline.")
  record ToolRate(
      @Schema(description = "The tool key.") String tool,
      @Schema(nullable = true) Long incidents,
      @Schema(nullable = true) Long exposure,
      @Schema(nullable = true, description = "In the unit of the baseline's rate.") Double rate,
      @Schema(nullable = true, description = "rate / baseline rate; null if undefined or infinite.")
          Double rateRatio,
      @Schema(nullable = true, description = "95% interval of the rate ratio, low end.")
          Double ciLow,
      @Schema(nullable = true, description = "95% interval, high end; null if infinite.")
          Double ciHigh,
      @Schema(nullable = true, description = "Two-sided p of the comparison (DESIGN §3.3).")
          Double pValue,
      @Schema(
              nullable = true,
              allowableValues = {
                "higher",
                "lower",
                "no evidence of a difference",
                "no incidents",
                "no exposure"
              })
          String verdict,
      @Schema(
              nullable = true,
              description =
                  "Holm-adjusted p over the tools of this answer with incidents and exposure on"
                      + " both sides (DESIGN §3.3); null for a tool outside that family.")
          Double pAdjusted,
      @Schema(
              nullable = true,
              description =
                  "The verdict allowing for the several tools compared: higher/lower only when"
                      + " pAdjusted < 0.05 as well. Lead with this one.",
              allowableValues = {
                "higher",
                "lower",
                "no evidence of a difference",
                "no incidents",
                "no exposure"
              })
          String adjustedVerdict,
      @Schema(
              nullable = true,
              description = "True when the comparison has fewer than 20 incidents.")
          Boolean unstable,
      @Schema(
              nullable = true,
              description =
                  "The rate ratio within teams (DESIGN §3.3): Mantel–Haenszel over the"
                      + " developers' teams, so that which teams use the tool does not weigh in;"
                      + " teams with exposure on one side only drop out. Null when undefined (no"
                      + " team with exposure on both sides, or no incident on one side in the"
                      + " teams compared) or suppressed.")
          Double rateRatioWithinTeams,
      @Schema(
              nullable = true,
              description = "Greenland–Robins 95% interval of rateRatioWithinTeams, low end.")
          Double ciLowWithinTeams,
      @Schema(
              nullable = true,
              description = "Greenland–Robins 95% interval of rateRatioWithinTeams, high end.")
          Double ciHighWithinTeams,
      @Schema(description = "Present (true) only when the figures are suppressed.")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          Boolean suppressed) {}

  @Schema(
      description =
          "One safeguard gap in one group of incidents (DESIGN §3.3): all AI-involved ('all-ai'),"
              + " agent-executed ('agent'), one tool's (its key), or without AI ('none'), compared"
              + " with the incidents without AI.")
  record SafeguardGapRate(
      @Schema(description = "all-ai, agent, a tool key, or none (the incidents without AI).")
          String group,
      @Schema(allowableValues = {"not-peer-reviewed", "no-approval", "permissions-exceeded"})
          String safeguard,
      @Schema(description = "Incidents of the group with the gap.") long incidentsWithGap,
      @Schema(description = "All incidents of the group.") long incidents,
      @Schema(description = "Incidents of the group that did not record the answer.")
          long notRecorded,
      @Schema(
              nullable = true,
              description = "incidentsWithGap / incidents; null without incidents.")
          Double share,
      @Schema(nullable = true, description = "Exact (Clopper–Pearson) 95% interval, low end.")
          Double ciLow,
      @Schema(nullable = true, description = "Exact 95% interval, high end.") Double ciHigh,
      @Schema(
              nullable = true,
              description =
                  "share / share without AI; null where undefined or infinite, and for 'none'.")
          Double timesAsOften,
      @Schema(
              nullable = true,
              description =
                  "Fisher's exact two-sided p against the incidents without AI; null for 'none'"
                      + " and where either group has no incidents.")
          Double pValue) {}

  @Schema(description = "Each tool's incident rate against the baseline.")
  record ReliabilityResponse(
      @Schema(allowableValues = {"changes", "developer-weeks"}) String exposure,
      Baseline baseline,
      @Schema(
              description =
                  "AI-involved work with any tool (assisted or agent) against the same baseline:"
                      + " exposure is every AI-attributed change, or developer-weeks with any AI"
                      + " use. Not in the Holm family (pAdjusted null).")
          ToolRate allAi,
      List<ToolRate> tools,
      @Schema(nullable = true, description = "Incidents whose AI involvement is not yet known.")
          Long unclassifiedIncidents,
      @Schema(
              nullable = true,
              description =
                  "Changes of developers in weeks they were not in headcount (before their start,"
                      + " after they left, or while excluded): not counted as exposure.")
          Long changesNotCounted,
      @Schema(
              description =
                  "Safeguard gaps: all-ai, agent and each tool with incidents, then none; three"
                      + " safeguards each. Empty when suppressed.")
          List<SafeguardGapRate> safeguards,
      @Schema(description = "Present (true) only when the whole answer is suppressed.")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          Boolean suppressed) {}

  /** The answer for a comparison and its safeguards (null when the comparison is suppressed). */
  static ReliabilityResponse of(Comparison c, CausesAndSafeguards causes) {
    if (c.suppressed()) {
      return new ReliabilityResponse(
          c.exposure().key(),
          new Baseline(null, null, null, true),
          hiddenRate(ReliabilityService.ALL_AI),
          List.of(),
          null,
          null,
          List.of(),
          true);
    }
    GroupFigures b = c.baseline();
    return new ReliabilityResponse(
        c.exposure().key(),
        new Baseline(b.incidents(), b.exposure(), finite(b.rate()), null),
        toolRate(c.allAi()),
        c.tools().stream().map(ReliabilityBody::toolRate).toList(),
        c.unclassifiedIncidents(),
        c.changesNotCounted(),
        safeguards(causes),
        null);
  }

  private static List<SafeguardGapRate> safeguards(CausesAndSafeguards cs) {
    return cs.table().stream().map(ReliabilityBody::gapRate).toList();
  }

  private static SafeguardGapRate gapRate(SafeguardComparison c) {
    IncidentProfile.SafeguardGap g = c.gap();
    boolean any = g.ofIncidents() > 0;
    return new SafeguardGapRate(
        c.group(),
        c.safeguard().key(),
        g.incidents(),
        g.ofIncidents(),
        g.notRecorded(),
        any ? g.share() : null,
        any ? g.interval().low() : null,
        any ? g.interval().high() : null,
        finite(c.timesAsOften()),
        c.comparable() ? c.p() : null);
  }

  private static ToolRate toolRate(ToolFigures t) {
    if (t.suppressed()) {
      return hiddenRate(t.tool());
    }
    RateComparison rr = t.comparison();
    return new ToolRate(
        t.tool(),
        t.figures().incidents(),
        t.figures().exposure(),
        finite(t.figures().rate()),
        finite(rr.rateRatio()),
        finite(rr.ciLow()),
        finite(rr.ciHigh()),
        finite(rr.pValue()),
        rr.verdict().label(),
        finite(t.pAdjusted()),
        t.adjustedVerdict().label(),
        rr.unstable(),
        within(t, WithinTeams::rateRatio),
        within(t, WithinTeams::ciLow),
        within(t, WithinTeams::ciHigh),
        null);
  }

  private static Double within(
      ToolFigures t, java.util.function.ToDoubleFunction<WithinTeams> value) {
    WithinTeams w = t.withinTeams();
    return w == null || !w.defined() ? null : finite(value.applyAsDouble(w));
  }

  private static ToolRate hiddenRate(String tool) {
    return new ToolRate(
        tool, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        true);
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
