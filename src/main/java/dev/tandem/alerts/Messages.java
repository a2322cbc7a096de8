package dev.tandem.alerts;

import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.adoption.TeamAdoption;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.IncidentProfile;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import dev.tandem.stats.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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
  private final RosterService roster;

  Messages(
      AdoptionService adoption, ReliabilityService reliability, Links links, RosterService roster) {
    this.adoption = adoption;
    this.reliability = reliability;
    this.links = links;
    this.roster = roster;
  }

  /**
   * The messages one recipient gets for the conditions that fired: each figure read once as them
   * (the team table, the comparison, the safeguards), whatever the number of conditions.
   */
  List<Message> alerts(List<Condition> fired, List<RuleSetting> rules, Recipient to) {
    if (!to.alerts() || fired.isEmpty()) {
      return List.of();
    }
    try {
      return RunAs.call(to.username(), to.role(), () -> read(fired, rules, to));
    } catch (AccessDeniedException e) {
      return List.of(); // a subscription that outlived the person's access
    }
  }

  private List<Message> read(List<Condition> fired, List<RuleSetting> rules, Recipient to) {
    IsoWeek last = adoption.lastCompleteWeek();
    Lazy<List<TeamAdoption>> teams = new Lazy<>(() -> adoption.teamAdoption(to.scope(), last));
    Lazy<Comparison> comparison =
        new Lazy<>(
            () ->
                reliability.comparison(
                    toolRange(threshold(rules, AlertRule.TOOL_VERDICT_HIGHER)), to.scope(), null));
    Lazy<IncidentProfile.SafeguardGap> gap =
        new Lazy<>(
            () ->
                reliability
                    .causesAndSafeguards(safeguardRange(), to.scope())
                    .aiInvolved()
                    .notPeerReviewed());
    List<Message> out = new ArrayList<>();
    for (Condition c : fired) {
      if (!to.receives(c.rule())) {
        continue;
      }
      BigDecimal threshold = threshold(rules, c.rule());
      // Tool, safeguard and forecast alerts concern one scope: they reach those subscribed to it.
      boolean ownScope = Objects.equals(to.teamKey(), c.teamKey());
      Optional<Message> m =
          switch (c.rule()) {
            case ADOPTION_BELOW_GOAL -> teamBelowGoal(c, threshold.intValue(), teams.get(), last);
            case FORECAST_NOT_ON_TRACK -> ownScope ? forecast(last) : Optional.empty();
            case TOOL_VERDICT_HIGHER ->
                ownScope ? toolHigher(c, comparison.get(), toolRange(threshold)) : Optional.empty();
            case UNREVIEWED_AI_INCIDENTS ->
                ownScope
                    ? unreviewed(threshold.doubleValue(), gap.get(), to.teamKey())
                    : Optional.empty();
            case IMPORT_SOURCE_STALE, IMPORT_REFUSED ->
                to.dataAlerts()
                    ? Optional.of(
                        new Message(
                            "alert",
                            "[Tandem] " + c.rule().label(),
                            c.summary() + ".",
                            links.data()))
                    : Optional.empty();
          };
      m.ifPresent(out::add);
    }
    return out;
  }

  private static BigDecimal threshold(List<RuleSetting> rules, AlertRule rule) {
    return rules.stream().filter(r -> r.rule() == rule).findFirst().orElseThrow().threshold();
  }

  private WeekRange toolRange(BigDecimal weeks) {
    return WeekRange.ending(reliability.lastCompleteWeek(), Math.max(1, weeks.intValue()));
  }

  private WeekRange safeguardRange() {
    return WeekRange.ending(reliability.lastCompleteWeek(), Conditions.SAFEGUARD_WEEKS);
  }

  /** A value read at most once, and only if asked for. */
  private static final class Lazy<T> {
    private final Supplier<T> read;
    private T value;

    Lazy(Supplier<T> read) {
      this.read = read;
    }

    T get() {
      if (value == null) {
        value = read.get();
      }
      return value;
    }
  }

  private Optional<Message> teamBelowGoal(
      Condition c, int weeks, List<TeamAdoption> teams, IsoWeek last) {
    return teams.stream()
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
                    links.adoption(Scope.team(t.teamKey()), WeekRange.ending(last, 12))));
  }

  /** The organisation's forecast as the recipient reads it, if it still says not on track. */
  private Optional<Message> forecast(IsoWeek last) {
    AdoptionReport report = adoption.weeklyAdoption(Scope.ORGANISATION, new WeekRange(last, last));
    if (!Conditions.notOnTrack(report.forecast())) {
      return Optional.empty();
    }
    return Optional.of(
        new Message(
            "alert",
            "[Tandem] The organisation's adoption forecast is no longer on track",
            "Forecast as of "
                + last
                + " (least-squares line through the 8 complete weeks up to it): "
                + AdoptionReport.forecastSentence(report, "the organisation")
                + " The week before it was on track.",
            links.adoption(Scope.ORGANISATION, WeekRange.ending(last, 12))));
  }

  private Optional<Message> toolHigher(Condition c, Comparison comparison, WeekRange range) {
    String tool = Conditions.unscoped(c);
    return comparison.tools().stream()
        .filter(t -> t.tool().equals(tool) && !t.suppressed() && !comparison.suppressed())
        .filter(t -> t.adjustedVerdict() == Verdict.HIGHER)
        .findFirst()
        .map(
            (ToolFigures t) ->
                new Message(
                    "alert",
                    "[Tandem] "
                        + t.name()
                        + ": incidents more common than without AI"
                        + in(c.teamKey()),
                    ReliabilityFormat.sentence(t, comparison.exposure(), comparison.comparedTools())
                        + " ("
                        + range.from()
                        + " to "
                        + range.to()
                        + ", "
                        + scopeName(c.teamKey())
                        + "; the verdict turned higher this week)",
                    links.reliability(Scope.of(c.teamKey()), range)));
  }

  private Optional<Message> unreviewed(
      double threshold, IncidentProfile.SafeguardGap gap, String teamKey) {
    WeekRange range = safeguardRange();
    if (gap.ofIncidents() == 0 || gap.share() <= threshold) {
      return Optional.empty();
    }
    return Optional.of(
        new Message(
            "alert",
            "[Tandem] AI-involved incidents without peer review above "
                + ReliabilityFormat.percent(threshold)
                + in(teamKey),
            ReliabilityFormat.gap(gap)
                + " AI-involved incidents of "
                + scopeName(teamKey)
                + " from "
                + range.from()
                + " to "
                + range.to()
                + " had no peer review (threshold "
                + ReliabilityFormat.percent(threshold)
                + ").",
            links.reliability(Scope.of(teamKey), range)));
  }

  /** " in Payments" for a team scope, nothing for the organisation. */
  private String in(String teamKey) {
    return teamKey == null ? "" : " in " + scopeName(teamKey);
  }

  private String scopeName(String teamKey) {
    return teamKey == null
        ? "the organisation"
        : roster.team(teamKey).map(Team::name).orElse(teamKey);
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
