package dev.tandem.reliability;

import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An organisation built so that the crude and the within-teams verdicts on Kiro disagree (DESIGN
 * §3.3): Kiro is used mostly by the risky team. Two weeks {@code W1}, {@code W2}; team {@code
 * parent} above three leaf teams of five developers each.
 *
 * <pre>
 * team      Kiro changes  changes without AI  Kiro incidents  baseline incidents  Kiro user-weeks  dev-weeks
 * platform  300           300                 6               2                   10               10
 * web       100           2,000               1               4                   1                10
 * data      0             500                 0               1                   0                10
 * total     400           2,800               7               7                   11               30
 * </pre>
 *
 * Changes, crude: (7/400)/(7/2,800) = 7.0, exact 95% CI 2.10–23.4 (SciPy: Clopper–Pearson for 7 of
 * 14 mapped by ·2,800/400): higher. Within teams: data drops out (no Kiro changes); platform
 * (6·300/600 = 3, 2·300/600 = 1) and web (2,000/2,100, 400/2,100) give 83/25 = 3.32, 95% CI
 * 0.862–12.79: no evidence of a difference. Developer-weeks: every platform developer used Kiro
 * every week, so platform has no baseline exposure and drops out, as does data (no Kiro use); web
 * alone gives (1/1)/(4/9) = 2.25, CI 2.25·exp(∓1.96·√(1/1 + 1/4)) = 0.251–20.1; crude 7/11 over
 * 7/19 = 1.73. Copilot: 100 changes in web, no incident: within teams undefined (numerator 0).
 */
final class WithinTeamsOrganisation {

  static final String W1 = "2024-W10";
  static final String W2 = "2024-W11";
  static final WeekRange RANGE = new WeekRange(IsoWeek.parse(W1), IsoWeek.parse(W2));

  final long parent;
  final long platform;
  final long web;
  final long data;

  WithinTeamsOrganisation(ReliabilityFixtures f) {
    parent = f.team("parent", null);
    platform = f.team("platform", parent);
    web = f.team("web", parent);
    data = f.team("data", parent);
    f.batch(() -> exposures(f));
    for (int i = 0; i < 6; i++) {
      f.incident(
          platform, "assisted", "kiro", "SEV3", "2024-03-0" + (4 + i % 3) + "T10:00:00Z", 30);
    }
    f.incident(platform, "none", null, "SEV3", "2024-03-05T10:00:00Z", 30);
    f.incident(platform, "none", null, "SEV2", "2024-03-12T10:00:00Z", 30);
    f.incident(web, "agent", "kiro", "SEV2", "2024-03-13T10:00:00Z", 30);
    for (int i = 0; i < 4; i++) {
      f.incident(web, "none", null, "SEV4", "2024-03-1" + (1 + i) + "T10:00:00Z", 30);
    }
    f.incident(data, "none", null, "SEV4", "2024-03-06T10:00:00Z", 30);
  }

  private void exposures(ReliabilityFixtures f) {
    List<Long> platformDevs = developers(f, platform);
    List<Long> webDevs = developers(f, web);
    List<Long> dataDevs = developers(f, data);
    for (String week : List.of(W1, W2)) {
      platformDevs.forEach(d -> f.usage(d, "kiro", week, 3));
      f.changes(platformDevs.get(0), week, "kiro", 150);
      f.changes(platformDevs.get(0), week, "none", 150);
      f.changes(webDevs.get(0), week, "kiro", 50);
      f.changes(webDevs.get(1), week, "none", 1000);
      f.changes(dataDevs.get(0), week, "none", 250);
    }
    f.usage(webDevs.get(0), "kiro", W1, 2);
    f.changes(webDevs.get(2), W1, "copilot", 100); // no usage rows: developer-weeks unchanged
  }

  private static List<Long> developers(ReliabilityFixtures f, long team) {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(f.developer(team, LocalDate.of(2023, 1, 1), null, false));
    }
    return ids;
  }
}
