package dev.tandem.reliability.ui;

import static dev.tandem.reliability.ReliabilityFormat.count;
import static dev.tandem.reliability.ReliabilityFormat.number;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.reliability.GroupFigures;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.stats.RateComparison;
import dev.tandem.stats.RateRatio;
import dev.tandem.stats.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The per-tool table's cells: rate, reach, severities, incidents and the verdict badge. */
final class ComparisonCells {

  private ComparisonCells() {}

  /** "3.42 (32 / 9,361)": every rate with its numerator and denominator. */
  static String rate(ComparisonGrid.Row r) {
    if (r.hidden()) {
      return "–";
    }
    return number(r.figures().rate())
        + " ("
        + count(r.figures().incidents())
        + " / "
        + count(r.figures().exposure())
        + ")";
  }

  /** "34% · agent 12%": the tool's reach and its agent reach, pooled over the range. */
  static String reach(ToolFigures t) {
    if (Double.isNaN(t.reach())) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.0f%%", 100 * t.reach())
        + (Double.isNaN(t.agentReach())
            ? ""
            : String.format(Locale.ROOT, " · agent %.0f%%", 100 * t.agentReach()));
  }

  static String severities(ComparisonGrid.Row r) {
    return r.hidden() ? "–" : severities(r.figures());
  }

  private static String severities(GroupFigures f) {
    return f.incidentsBySeverity().values().stream()
        .map(String::valueOf)
        .collect(Collectors.joining(" · "));
  }

  static String rateTooltip(ComparisonGrid.Row r) {
    return count(r.figures().incidents())
        + " incidents / "
        + count(r.figures().exposure())
        + " "
        + r.exposure().key()
        + " × "
        + count(r.exposure().per())
        + (r.hidden() || r.figures().exposure() == 0
            ? ""
            : " · "
                + ReliabilityFormat.rateInterval(
                    r.figures().incidents(), r.figures().exposure(), r.exposure())
                + " (exact Poisson)");
  }

  /** "7 (3 by an agent)": of a tool's incidents, those an AI agent executed. */
  static Span incidents(ComparisonGrid.Row r) {
    Span n = new Span(r.hidden() ? "–" : count(r.figures().incidents()));
    n.addClassName("incidents");
    n.getElement().setAttribute("data-group", r.tool() == null ? "baseline" : r.tool().tool());
    if (r.tool() == null || r.hidden() || r.figures().incidents() == 0) {
      return n;
    }
    Span agent = new Span(" (" + count(r.tool().agentIncidents()) + " by an agent)");
    agent.addClassName("agent-incidents");
    agent.addClassName(LumoUtility.TextColor.SECONDARY);
    return new Span(n, agent);
  }

  static Span verdict(ComparisonGrid.Row r) {
    if (r.tool() == null) {
      return new Span();
    }
    if (r.hidden()) {
      return new Span("not shown");
    }
    RateComparison c = r.tool().comparison();
    Verdict adjusted = r.tool().adjustedVerdict();
    Span badge = new Span(adjusted.label());
    String theme =
        switch (adjusted) {
          case HIGHER -> "badge error";
          case LOWER -> "badge success";
          case NO_DIFFERENCE -> "badge";
          default -> "badge contrast";
        };
    badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
    badge.addClassName("verdict");
    badge.getElement().setAttribute("data-group", r.tool().tool());
    Span wrapper = new Span(badge);
    if (adjusted != c.verdict()) {
      Span alone = new Span(" alone: " + c.verdict().label());
      alone.addClassName("verdict-alone");
      alone.setTitle(
          "On its own this comparison says "
              + c.verdict().label()
              + "; allowing for the tools compared at once it could still be chance");
      alone.addClassName(LumoUtility.FontSize.SMALL);
      wrapper.add(alone);
    }
    if (c.unstable()) {
      Span flag = new Span("unstable: fewer than " + RateRatio.STABLE_FROM + " incidents");
      flag.getElement().getThemeList().addAll(List.of("badge", "contrast", "small", "pill"));
      flag.addClassNames("unstable", LumoUtility.Margin.Left.XSMALL);
      wrapper.add(flag);
    }
    return wrapper;
  }
}
