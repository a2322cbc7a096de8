package dev.tandem.alerts;

import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.adoption.TeamAdoption;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Ratio;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.stats.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The weekly digest of one recipient's scope, read as them: adoption against the goal and its
 * change, agent adoption, the teams below goal, the reliability headline with the adjusted
 * verdicts, data-quality warnings, and links to the screens with the filters set.
 */
@Component
class Digest {

  static final int RELIABILITY_WEEKS = 12;

  private final AdoptionService adoption;
  private final ReliabilityService reliability;
  private final Links links;

  Digest(AdoptionService adoption, ReliabilityService reliability, Links links) {
    this.adoption = adoption;
    this.reliability = reliability;
    this.links = links;
  }

  Optional<Message> of(Recipient to) {
    if (!to.digest()) {
      return Optional.empty();
    }
    try {
      return Optional.of(RunAs.call(to.username(), to.role(), () -> read(to.scope())));
    } catch (AccessDeniedException e) {
      return Optional.empty();
    }
  }

  private Message read(Scope scope) {
    IsoWeek last = adoption.lastCompleteWeek();
    int k = adoption.minGroupSize();
    String name = scope.teamKey().orElse("the organisation");
    StringBuilder text = new StringBuilder();
    text.append("Tandem weekly digest for ").append(name).append(", week ").append(last);
    text.append("\n\nADOPTION\n");
    AdoptionReport report = adoption.weeklyAdoption(scope, WeekRange.ending(last, 2));
    AdoptionReport.Week now = report.latest();
    AdoptionReport.Week before = report.weeks().get(0);
    if (now.suppressed()) {
      text.append("Fewer than ").append(k).append(" developers: no figures shown.\n");
    } else {
      text.append(
          String.format(
              Locale.ROOT,
              "Adoption %s (%d of %d developers), goal %d%%%s.%n",
              now.adoption().percent(),
              now.aiUsers(),
              now.headcount(),
              Math.round(report.goal() * 100),
              change(now.adoption(), before)));
      text.append("Agent adoption ").append(now.agentAdoption().percent()).append(".\n");
    }
    List<TeamAdoption> teams = adoption.teamAdoption(scope, last);
    List<TeamAdoption> below =
        teams.stream()
            .filter(
                t ->
                    t.status() == TeamAdoption.Status.BELOW_GOAL
                        || t.status() == TeamAdoption.Status.NEAR_GOAL)
            .toList();
    long hidden = teams.stream().filter(TeamAdoption::suppressed).count();
    text.append("Teams below goal: ")
        .append(
            below.isEmpty()
                ? "none"
                : String.join(", ", below.stream().map(Messages::teamLine).toList()))
        .append(".\n");
    if (hidden > 0) {
      text.append(hidden)
          .append(hidden == 1 ? " team has" : " teams have")
          .append(" fewer than ")
          .append(k)
          .append(" developers to show.\n");
    }
    text.append(links.adoption(scope, WeekRange.ending(last, 12))).append("\n");

    WeekRange range = WeekRange.ending(last, RELIABILITY_WEEKS);
    Comparison c = reliability.comparison(range, scope, null);
    text.append("\nRELIABILITY (")
        .append(range.from())
        .append(" to ")
        .append(range.to())
        .append(")\n");
    if (c.suppressed()) {
      text.append("Fewer than ").append(k).append(" developers: no figures shown.\n");
    } else {
      if (c.allAi() != null && !c.allAi().suppressed()) {
        text.append(ReliabilityFormat.sentence(c.allAi(), c.exposure(), c.comparedTools()))
            .append("\n");
      }
      List<ToolFigures> notable =
          c.tools().stream()
              .filter(
                  t ->
                      !t.suppressed()
                          && (t.adjustedVerdict() == Verdict.HIGHER
                              || t.adjustedVerdict() == Verdict.LOWER))
              .toList();
      text.append(
          notable.isEmpty()
              ? "No tool differs from work without AI once the "
                  + c.comparedTools()
                  + " tools compared are allowed for.\n"
              : "");
      notable.forEach(
          t ->
              text.append(ReliabilityFormat.sentence(t, c.exposure(), c.comparedTools()))
                  .append("\n"));
    }
    text.append(links.reliability(scope, range)).append("\n");

    text.append("\nDATA QUALITY\n");
    AdoptionReport.DataQuality q = report.dataQuality();
    text.append(q.unmatchedUsageRows())
        .append(" usage rows of identities not on the roster; ")
        .append(q.usageOutsideHeadcount())
        .append(" usage rows outside employment or while excluded (not counted).\n");
    if (!c.suppressed()) {
      String quality = ReliabilityFormat.dataQuality(c);
      if (quality != null && !quality.isBlank()) {
        text.append(quality).append("\n");
      }
    }
    return new Message(
        "digest",
        "[Tandem] Weekly digest " + last + " — " + name,
        text.toString(),
        links.adoption(scope, WeekRange.ending(last, 12)));
  }

  private static String change(Ratio now, AdoptionReport.Week before) {
    if (before.suppressed() || before.adoption().value() == null || now.value() == null) {
      return "";
    }
    double points = (now.value() - before.adoption().value()) * 100;
    return String.format(Locale.ROOT, ", %+.1f points on the week before", points);
  }
}
