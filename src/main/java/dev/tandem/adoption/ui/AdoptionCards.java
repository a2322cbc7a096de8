package dev.tandem.adoption.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.TeamAdoption;
import dev.tandem.base.Ratio;
import java.util.List;
import java.util.Locale;

/**
 * The figure cards of the Adoption screen; every figure carries its numerator and denominator on
 * hover.
 */
public final class AdoptionCards {

  private AdoptionCards() {}

  /** The text shown instead of any figure of a small group the viewer may not see. */
  static String fewerThan(int k) {
    return "fewer than " + k + " developers";
  }

  static Div thisWeek(AdoptionReport report, Integer streak, int k) {
    List<AdoptionReport.Week> weeks = report.weeks();
    AdoptionReport.Week latest = report.latest();
    if (latest.suppressed()) {
      Span hidden = new Span(fewerThan(k));
      hidden.setId("kpi-adoption");
      hidden.addClassName("tandem-figure-withheld");
      Div card = card("This week (" + latest.week() + ")", hidden);
      card.add(line("Too few developers to show figures without revealing individuals."));
      return card;
    }
    Ratio now = latest.adoption();
    Span big = new Span(now.percent());
    big.setId("kpi-adoption");
    big.setTitle(now.fraction() + " developers used an AI tool in " + latest.week());
    big.addClassName("tandem-figure-xl");
    Double value = now.value();
    if (value != null) {
      big.addClassName(
          value >= report.goal() ? LumoUtility.TextColor.SUCCESS : LumoUtility.TextColor.BODY);
    }
    Div card = card("This week (" + latest.week() + ")", big);
    card.add(
        line("Goal " + Math.round(report.goal() * 100) + "% · " + now.fraction() + " developers"));
    if (weeks.size() >= 2) {
      Ratio before = weeks.get(weeks.size() - 2).adoption();
      if (!weeks.get(weeks.size() - 2).suppressed() && before.value() != null && value != null) {
        double points = (value - before.value()) * 100;
        Span change =
            line(
                String.format(
                    Locale.ROOT,
                    "%s%.1f points vs %s",
                    points >= 0 ? "+" : "−",
                    Math.abs(points),
                    weeks.get(weeks.size() - 2).week()));
        change.setId("kpi-change");
        change.setTitle(before.fraction() + " the week before");
        card.add(change);
      }
    }
    Span streakLine =
        line(
            streak == null
                ? "Streak not shown: earlier weeks had " + fewerThan(k)
                : streak == 0
                    ? "Not at goal this week"
                    : "At goal " + streak + (streak == 1 ? " week" : " weeks") + " in a row");
    streakLine.setId("kpi-streak");
    card.add(streakLine);
    return card;
  }

  static Div period(AdoptionReport report, int k) {
    if (report.periodSuppressed()) {
      Span hidden = new Span("not shown");
      hidden.setId("kpi-period");
      hidden.setTitle("some weeks of the range had " + fewerThan(k));
      hidden.addClassName("tandem-figure-withheld");
      Div card = card("Over the range (pooled)", hidden);
      card.add(line("Some weeks had " + fewerThan(k) + "; a total would reveal them."));
      return card;
    }
    Span big = new Span(report.period().percent());
    big.setId("kpi-period");
    big.setTitle(
        report.period().numerator()
            + " AI user-weeks / "
            + report.period().denominator()
            + " developer-weeks");
    big.addClassName("tandem-figure-l");
    Div card = card("Over the range (pooled)", big);
    card.add(
        line(
            report.period().numerator()
                + " of "
                + report.period().denominator()
                + " developer-weeks, "
                + report.weeks().get(0).week()
                + " – "
                + report.latest().week()));
    return card;
  }

  /**
   * Agent adoption (DESIGN §3.1): this week and pooled over the range, and which tools' data cannot
   * tell agent use from other use (they count for nothing in it).
   */
  static Div agents(AdoptionReport report, int k, java.util.Map<String, String> toolNames) {
    AdoptionReport.Week latest = report.latest();
    if (latest.suppressed()) {
      Span hidden = new Span(fewerThan(k));
      hidden.setId("kpi-agent");
      hidden.addClassName("tandem-figure-withheld");
      return card("Agent use this week", hidden);
    }
    Ratio now = latest.agentAdoption();
    Span big = new Span(now.percent());
    big.setId("kpi-agent");
    big.setTitle(now.fraction() + " developers let an AI agent act in " + latest.week());
    big.addClassName("tandem-figure-l");
    Div card = card("Agent use this week", big);
    card.add(
        line(
            now.fraction()
                + " developers used an agent mode (vs "
                + latest.adoption().percent()
                + " any AI use)"));
    if (!report.periodSuppressed()) {
      Span pooled =
          line(
              report.agentPeriod().percent()
                  + " over the range ("
                  + report.agentPeriod().numerator()
                  + " of "
                  + report.agentPeriod().denominator()
                  + " developer-weeks)");
      pooled.setId("kpi-agent-period");
      card.add(pooled);
    }
    if (!report.agentUnknown().isEmpty()) {
      Span unknown = line(cannotTell(report.agentUnknown(), toolNames));
      unknown.setId("kpi-agent-unknown");
      unknown.addClassName(LumoUtility.TextColor.SECONDARY);
      card.add(unknown);
    }
    return card;
  }

  /**
   * "Data that cannot tell agent use apart, not counted: Q Developer (all), GitHub Copilot (35% of
   * user-weeks)".
   */
  static String cannotTell(
      java.util.Map<String, Ratio> unknown, java.util.Map<String, String> toolNames) {
    return "Data that cannot tell agent use apart, not counted: "
        + unknown.entrySet().stream()
            .map(
                e ->
                    toolNames.getOrDefault(e.getKey(), e.getKey())
                        + (e.getValue().numerator() == e.getValue().denominator()
                            ? " (all)"
                            : " (" + e.getValue().percent() + " of user-weeks)"))
            .collect(java.util.stream.Collectors.joining(", "));
  }

  static Div forecast(AdoptionReport report, String scopeName) {
    Span sentence = new Span(AdoptionReport.forecastSentence(report, scopeName));
    sentence.setId("forecast-sentence");
    sentence.addClassName(LumoUtility.FontWeight.SEMIBOLD);
    Div card = card("Forecast", sentence);
    card.add(
        line(
            "Least-squares line through the last "
                + report.forecast().weeksUsed()
                + " complete weeks"));
    return card;
  }

  static Div dataQuality(AdoptionReport.DataQuality quality) {
    Span text =
        new Span(
            quality.unmatchedUsageRows()
                + " usage rows of identities not on the roster; "
                + quality.usageOutsideHeadcount()
                + " usage weeks outside employment dates or by excluded people");
    Div card = card("Not counted", text);
    card.setId("data-quality");
    card.add(line("Map identities on the Data screen to count them."));
    return card;
  }

  /** "12.5 points", "–" at or above goal, "" without a figure. */
  static String gap(Double pointsBelowGoal) {
    if (pointsBelowGoal == null) {
      return "";
    }
    return pointsBelowGoal <= 0 ? "–" : String.format(Locale.ROOT, "%.1f points", pointsBelowGoal);
  }

  /**
   * When a team's own trend (least squares over its last 8 complete weeks) reaches the goal: the
   * week, "at goal", "not on track", or "" when there is no figure.
   */
  static String teamForecast(TeamAdoption team) {
    AdoptionReport.Forecast f = team.forecast();
    Double now = team.suppressed() ? null : team.thisWeek().value();
    if (now == null || f.suppressed()) {
      return "";
    }
    if (now >= team.goal()) {
      return "at goal";
    }
    if (f.weeksUsed() < 2) {
      return "too few weeks";
    }
    return f.onTrack() ? f.goalWeek().toString() : "not on track";
  }

  /** Lumo's badge theme of a status. */
  static String badgeTheme(TeamAdoption.Status status) {
    return switch (status) {
      case AT_GOAL -> "badge success";
      // Below goal is never neutral: close to it is a warning, further below an error.
      case NEAR_GOAL -> "badge warning";
      case BELOW_GOAL -> "badge error";
      case NO_DATA, SUPPRESSED -> "badge contrast";
    };
  }

  private static Div card(String title, com.vaadin.flow.component.Component figure) {
    Span heading = new Span(title);
    heading.addClassName("tandem-card-title");
    Div card = new Div(heading, figure);
    card.addClassNames("tandem-card", "tandem-figure-card");
    return card;
  }

  private static Span line(String text) {
    Span span = new Span(text);
    span.addClassName(LumoUtility.FontSize.SMALL);
    return span;
  }
}
