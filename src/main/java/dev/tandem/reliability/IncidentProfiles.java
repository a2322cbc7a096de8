package dev.tandem.reliability;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DESIGN §3.3 root causes and safeguard gaps from the counts per involvement, tool and root cause:
 * AI-involved (assisted or agent) against the classified incidents without AI, the agent-executed
 * ones and each tool's. Pure: no Spring, no database.
 */
final class IncidentProfiles {

  /** The label of incidents whose root cause was not recorded, after every known root cause. */
  static final String NOT_RECORDED = "not recorded";

  private IncidentProfiles() {}

  /** Every group empty: for a scope whose figures are hidden. */
  static CausesAndSafeguards none() {
    return new CausesAndSafeguards(
        profile(List.of()), profile(List.of()), profile(List.of()), List.of());
  }

  /**
   * The groups of the counts; {@code toolNames} names the tools (a key without a name stands for
   * itself), and the tools are listed by name.
   */
  static CausesAndSafeguards of(
      List<ReliabilityQuery.CauseCount> counts, Map<String, String> toolNames) {
    List<ReliabilityQuery.CauseCount> ai =
        counts.stream().filter(c -> c.involvement().aiInvolved()).toList();
    Map<String, List<ReliabilityQuery.CauseCount>> byTool = new LinkedHashMap<>();
    ai.stream()
        .filter(c -> c.tool() != null)
        .forEach(c -> byTool.computeIfAbsent(c.tool(), k -> new ArrayList<>()).add(c));
    List<CausesAndSafeguards.ToolProfile> tools = new ArrayList<>();
    byTool.forEach(
        (key, rows) ->
            tools.add(
                new CausesAndSafeguards.ToolProfile(
                    key, toolNames.getOrDefault(key, key), profile(rows))));
    tools.sort(Comparator.comparing(t -> t.name().toLowerCase(Locale.ROOT)));
    return new CausesAndSafeguards(
        profile(ai),
        profile(counts.stream().filter(c -> c.involvement() == AiInvolvement.NONE).toList()),
        profile(ai.stream().filter(c -> c.involvement() == AiInvolvement.AGENT).toList()),
        tools);
  }

  /**
   * One group: incidents per root cause (every root cause of {@link RootCause} in order, then
   * {@link #NOT_RECORDED}) and each safeguard gap over all the group's incidents.
   */
  static IncidentProfile profile(List<ReliabilityQuery.CauseCount> counts) {
    Map<String, Long> causes = new LinkedHashMap<>();
    Arrays.stream(RootCause.values()).forEach(c -> causes.put(c.stored(), 0L));
    causes.put(NOT_RECORDED, 0L);
    long total = 0;
    long[] gaps = new long[6];
    for (ReliabilityQuery.CauseCount c : counts) {
      causes.merge(
          c.rootCause() == null ? NOT_RECORDED : c.rootCause().stored(), c.incidents(), Long::sum);
      total += c.incidents();
      gaps[0] += c.notPeerReviewed();
      gaps[1] += c.peerReviewedUnknown();
      gaps[2] += c.noApprovalRequired();
      gaps[3] += c.approvalUnknown();
      gaps[4] += c.permissionsExceeded();
      gaps[5] += c.permissionsUnknown();
    }
    return new IncidentProfile(
        total,
        causes,
        new IncidentProfile.SafeguardGap(gaps[0], total, gaps[1]),
        new IncidentProfile.SafeguardGap(gaps[2], total, gaps[3]),
        new IncidentProfile.SafeguardGap(gaps[4], total, gaps[5]));
  }
}
