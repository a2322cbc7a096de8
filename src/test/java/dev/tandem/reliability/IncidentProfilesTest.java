package dev.tandem.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DESIGN §3.3 root causes and safeguard gaps, grouped by AI involvement and tool. */
class IncidentProfilesTest {

  /** involvement, tool, root cause, incidents, then the six safeguard counts in record order. */
  private static ReliabilityQuery.CauseCount row(
      String involvement, String tool, String cause, long incidents, long... safeguards) {
    return new ReliabilityQuery.CauseCount(
        AiInvolvement.parse(involvement),
        tool,
        cause == null ? null : RootCause.parse(cause),
        incidents,
        safeguards[0],
        safeguards[1],
        safeguards[2],
        safeguards[3],
        safeguards[4],
        safeguards[5]);
  }

  @Test
  void ai_involved_incidents_are_assisted_and_agent_ones_against_those_without_ai() {
    List<ReliabilityQuery.CauseCount> counts =
        List.of(
            // Cursor assisted: 4 ai-error (3 not peer reviewed, 1 unknown), 1 without a cause.
            row("assisted", "cursor", "ai-error", 4, 3, 1, 0, 0, 0, 0),
            row("assisted", "cursor", null, 1, 0, 0, 1, 0, 0, 0),
            // Claude Code agent: 2 process (both exceeded permissions).
            row("agent", "claude-code", "process", 2, 0, 0, 0, 0, 2, 0),
            // Without AI: 5 user-error (1 not peer reviewed), 3 infrastructure.
            row("none", null, "user-error", 5, 1, 0, 0, 2, 0, 0),
            row("none", null, "infrastructure", 3, 0, 0, 0, 0, 0, 1),
            // Unknown involvement is in neither group.
            row("unknown", null, "other", 7, 7, 0, 0, 0, 0, 0));

    CausesAndSafeguards c =
        IncidentProfiles.of(counts, Map.of("cursor", "Cursor", "claude-code", "Claude Code"));

    // AI-involved: 4 + 1 + 2 = 7 incidents; not peer reviewed 3 of 7 (1 not recorded).
    assertThat(c.aiInvolved().incidents()).isEqualTo(7);
    assertThat(c.aiInvolved().notPeerReviewed())
        .isEqualTo(new IncidentProfile.SafeguardGap(3, 7, 1));
    assertThat(c.aiInvolved().noApprovalRequired())
        .isEqualTo(new IncidentProfile.SafeguardGap(1, 7, 0));
    assertThat(c.aiInvolved().permissionsExceeded())
        .isEqualTo(new IncidentProfile.SafeguardGap(2, 7, 0));
    assertThat(c.aiInvolved().rootCauses())
        .containsExactly(
            Map.entry("user-error", 0L),
            Map.entry("ai-error", 4L),
            Map.entry("access-control", 0L),
            Map.entry("process", 2L),
            Map.entry("infrastructure", 0L),
            Map.entry("other", 0L),
            Map.entry("not recorded", 1L));
    // Without AI: 5 + 3 = 8; not peer reviewed 1 of 8 = 12.5%; approval not recorded 2.
    assertThat(c.other().incidents()).isEqualTo(8);
    assertThat(c.other().notPeerReviewed().share()).isEqualTo(0.125);
    assertThat(c.other().noApprovalRequired()).isEqualTo(new IncidentProfile.SafeguardGap(0, 8, 2));
    // Agent-executed: the 2 Claude Code incidents only.
    assertThat(c.agent().incidents()).isEqualTo(2);
    assertThat(c.agent().permissionsExceeded().share()).isEqualTo(1.0);
    // Tools by name: Claude Code before Cursor; Cursor's 5 incidents, 3 not peer reviewed.
    assertThat(c.tools())
        .extracting(CausesAndSafeguards.ToolProfile::name)
        .containsExactly("Claude Code", "Cursor");
    assertThat(c.tools().get(1).profile().incidents()).isEqualTo(5);
    assertThat(c.tools().get(1).profile().notPeerReviewed().share()).isEqualTo(0.6);
  }

  @Test
  void a_tool_without_a_name_stands_for_its_key_and_no_incidents_leave_every_share_undefined() {
    CausesAndSafeguards c =
        IncidentProfiles.of(
            List.of(row("assisted", "zed", "other", 1, 0, 0, 0, 0, 0, 0)), Map.of());
    assertThat(c.tools()).extracting(CausesAndSafeguards.ToolProfile::name).containsExactly("zed");

    CausesAndSafeguards none = IncidentProfiles.none();
    assertThat(none.aiInvolved().incidents()).isZero();
    assertThat(none.other().notPeerReviewed().share()).isNaN();
    assertThat(none.tools()).isEmpty();
  }
}
