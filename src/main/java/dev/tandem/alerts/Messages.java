package dev.tandem.alerts;

import dev.tandem.adoption.AdoptionService;
import dev.tandem.adoption.TeamAdoption;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.IncidentProfile;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.stats.Verdict;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * An alert as one recipient may read it, read again from the services as that recipient, so roles
 * and small-group suppression apply exactly as on their screens: a condition they may not see (a
 * small group, another team) gives them no message at all.
 */
@Component
class Messages {

  private final AdoptionService adoption;
  private final ReliabilityService reliability;
  private final Links links;

  Messages(AdoptionService adoption, ReliabilityService reliability, Links links) {
    this.adoption = adoption;
    this.reliability = reliability;
    this.links = links;
  }

  Optional<Message> alert(Condition c, RuleSetting rule, Recipient to) {
    if (!to.alerts()) {
      return Optional.empty();
    }
    if (c.rule().adminsOnly()) {
      return to.dataAlerts()
          ? Optional.of(
              new Message("alert", "[Tandem] " + c.rule().label(), c.summary() + ".", links.data()))
          : Optional.empty();
    }
    try {
      return RunAs.call(to.username(), to.role(), () -> read(c, rule, to));
    } catch (AccessDeniedException e) {
      return Optional.empty(); // a subscription that outlived the person's access
    }
  }

  private Optional<Message> read(Condition c, RuleSetting rule, Recipient to) {
    return switch (c.rule()) {
      case ADOPTION_BELOW_GOAL -> teamBelowGoal(c, rule.threshold().intValue(), to);
      case TOOL_VERDICT_HIGHER -> to.teamKey() == null ? toolHigher(c, rule) : Optional.empty();
      case UNREVIEWED_AI_INCIDENTS ->
          to.teamKey() == null ? unreviewed(rule.threshold().doubleValue()) : Optional.empty();
      default -> Optional.empty();
    };
  }

  private Optional<Message> teamBelowGoal(Condition c, int weeks, Recipient to) {
    IsoWeek last = adoption.lastCompleteWeek();
    return adoption.teamAdoption(to.teamKey(), last).stream()
        .filter(t -> t.teamKey().equals(c.teamKey()) && !t.suppressed())
        .filter(t -> Conditions.belowGoalWeeks(t) >= Math.max(1, weeks))
        .findFirst()
        .map(
            t ->
                new Message(
                    "alert",
                    "[Tandem] "
                        + t.teamName()
                        + ": adoption below goal for "
                        + weeks
                        + " weeks in a row",
                    t.teamName()
                        + " — adoption in "
                        + last
                        + ": "
                        + t.thisWeek().percent()
                        + " ("
                        + t.thisWeek().numerator()
                        + " of "
                        + t.thisWeek().denominator()
                        + " developers), goal "
                        + Math.round(t.goal() * 100)
                        + "%. Below goal "
                        + Conditions.belowGoalWeeks(t)
                        + " complete weeks in a row.",
                    links.adoption(t.teamKey(), WeekRange.ending(last, 12))));
  }

  private Optional<Message> toolHigher(Condition c, RuleSetting rule) {
    WeekRange range =
        WeekRange.ending(reliability.lastCompleteWeek(), Math.max(1, rule.threshold().intValue()));
    Comparison comparison = reliability.comparison(range, null, null);
    return comparison.tools().stream()
        .filter(t -> t.tool().equals(c.key()) && !t.suppressed())
        .filter(t -> t.adjustedVerdict() == Verdict.HIGHER)
        .findFirst()
        .map(
            (ToolFigures t) ->
                new Message(
                    "alert",
                    "[Tandem] " + t.name() + ": incidents more common than without AI",
                    ReliabilityFormat.sentence(t, comparison.exposure(), comparison.comparedTools())
                        + " ("
                        + range.from()
                        + " to "
                        + range.to()
                        + ", organisation)",
                    links.reliability(null, range)));
  }

  private Optional<Message> unreviewed(double threshold) {
    WeekRange range = WeekRange.ending(reliability.lastCompleteWeek(), Conditions.SAFEGUARD_WEEKS);
    IncidentProfile.SafeguardGap gap =
        reliability.causesAndSafeguards(range, null).aiInvolved().notPeerReviewed();
    if (gap.ofIncidents() == 0 || gap.share() <= threshold) {
      return Optional.empty();
    }
    return Optional.of(
        new Message(
            "alert",
            "[Tandem] AI-involved incidents without peer review above "
                + ReliabilityFormat.percent(threshold),
            ReliabilityFormat.gap(gap)
                + " AI-involved incidents from "
                + range.from()
                + " to "
                + range.to()
                + " had no peer review (threshold "
                + ReliabilityFormat.percent(threshold)
                + ").",
            links.reliability(null, range)));
  }

  /** The shares of teams below goal in the digest: "Payments 62% (31 of 50)". */
  static String teamLine(TeamAdoption t) {
    return t.teamName()
        + " "
        + t.thisWeek().percent()
        + " ("
        + t.thisWeek().numerator()
        + " of "
        + t.thisWeek().denominator()
        + ")";
  }
}
