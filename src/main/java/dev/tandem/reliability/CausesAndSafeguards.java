package dev.tandem.reliability;

import java.util.ArrayList;
import java.util.List;

/**
 * Root causes and safeguard gaps side by side: AI-involved incidents (assisted or agent) versus the
 * other classified incidents (no AI involvement), and within the AI-involved the agent-executed
 * ones and each tool's. Unclassified incidents are in neither.
 */
public record CausesAndSafeguards(
    IncidentProfile aiInvolved,
    IncidentProfile other,
    IncidentProfile agent,
    List<ToolProfile> tools) {

  /** One tool's AI-involved incidents (assisted or agent). */
  public record ToolProfile(String key, String name, IncidentProfile profile) {}

  /**
   * Every safeguard gap of every AI group against the incidents without AI: all AI-involved first,
   * then agent-executed, then each tool with incidents, each with the three safeguards in order.
   */
  public List<SafeguardComparison> comparisons() {
    List<SafeguardComparison> out = new ArrayList<>(headline());
    for (Safeguard s : Safeguard.values()) {
      out.add(
          SafeguardComparison.of(
              SafeguardComparison.AGENT, "Agent-executed", s, agent.gap(s), other.gap(s)));
    }
    for (ToolProfile t : tools) {
      for (Safeguard s : Safeguard.values()) {
        out.add(SafeguardComparison.of(t.key(), t.name(), s, t.profile().gap(s), other.gap(s)));
      }
    }
    return out;
  }

  /** The three safeguard gaps of all AI-involved incidents against the others. */
  public List<SafeguardComparison> headline() {
    List<SafeguardComparison> out = new ArrayList<>();
    for (Safeguard s : Safeguard.values()) {
      out.add(
          SafeguardComparison.of(
              SafeguardComparison.ALL_AI, "AI-involved", s, aiInvolved.gap(s), other.gap(s)));
    }
    return out;
  }
}
