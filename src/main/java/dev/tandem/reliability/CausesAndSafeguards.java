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

  /**
   * The table of safeguard gaps as screens, exports and the API show it: all AI-involved, then
   * agent-executed and each tool where they have incidents, then the incidents without AI ({@link
   * SafeguardComparison#NONE}, no comparison).
   */
  public List<SafeguardComparison> table() {
    List<SafeguardComparison> out = new ArrayList<>();
    for (SafeguardComparison c : comparisons()) {
      if (c.gap().ofIncidents() > 0 || SafeguardComparison.ALL_AI.equals(c.group())) {
        out.add(c);
      }
    }
    for (Safeguard s : Safeguard.values()) {
      out.add(SafeguardComparison.baseline(s, other.gap(s)));
    }
    return out;
  }

  /**
   * The finding a summary leads with: of the three gaps of all AI-involved incidents, the clearest
   * difference where AI-involved work had the gap more often (the smallest p), else the first.
   */
  public SafeguardComparison lead() {
    List<SafeguardComparison> headline = headline();
    return headline.stream()
        .filter(c -> c.comparable() && c.timesAsOften() > 1)
        .min(java.util.Comparator.comparingDouble(SafeguardComparison::p))
        .orElse(headline.get(0));
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
