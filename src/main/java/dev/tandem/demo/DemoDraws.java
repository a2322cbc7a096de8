package dev.tandem.demo;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo organisation's people and random draws: names, start and leave days, usage rows, tools
 * and counts (see {@link DemoDataGenerator}).
 */
final class DemoDraws {

  private static final String[] TOOLS = {"copilot", "cursor", "q-developer", "kiro", "claude-code"};
  private static final double[] TOOL_WEIGHTS = {0.38, 0.22, 0.14, 0.12, 0.14};
  private static final String[] FIRST = {
    "Ana", "Li", "Omar", "Sofia", "Jonas", "Priya", "Mateo", "Aiko", "Noah", "Fatima", "Lars",
    "Chen", "Elena", "Kwame", "Maya", "Ivan", "Zoe", "Ravi", "Lea", "Tomas", "Nadia", "Hugo",
    "Amara", "Felix"
  };
  private static final String[] LAST = {
    "Silva", "Wei", "Haddad", "Rossi", "Berg", "Patel", "Garcia", "Tanaka", "Smith", "Khan",
    "Nilsen", "Zhang", "Popescu", "Mensah", "Cohen", "Petrov", "Martin", "Iyer", "Muller", "Novak",
    "Aziz", "Dubois", "Okafor", "Weber"
  };

  private DemoDraws() {}

  static List<DemoRows.Person> people(
      Random random, Map<String, Long> teams, IsoWeek first, IsoWeek last) {
    List<DemoRows.Person> people = new ArrayList<>();
    List<Long> teamIds = new ArrayList<>(teams.values());
    LocalDate windowStart = first.monday();
    long windowDays = windowStart.until(last.sunday()).toTotalMonths() * 30;
    for (int n = 0; n < 262; n++) {
      String firstName = FIRST[n % FIRST.length];
      String lastName = LAST[(n * 7 + n / FIRST.length) % LAST.length];
      String email =
          (firstName + "." + lastName + (n >= FIRST.length ? String.valueOf(n / FIRST.length) : ""))
                  .toLowerCase()
              + "@example.com";
      long teamId = n == 0 ? teams.get("payments") : teamIds.get(random.nextInt(teamIds.size()));
      LocalDate startedOn = windowStart.minusDays(60 + random.nextInt(1400));
      LocalDate leftOn = null;
      if (n % 14 == 5) {
        startedOn = windowStart.plusDays(random.nextInt((int) windowDays)); // joiner
      } else if (n % 19 == 7) {
        leftOn = windowStart.plusDays(random.nextInt((int) windowDays)); // leaver
      }
      boolean excluded = n == 42;
      people.add(
          new DemoRows.Person(
              email, firstName + " " + lastName, teamId, startedOn, leftOn, excluded));
    }
    return people;
  }

  static DemoRows.Usage usageRow(Random random, String email, String tool, IsoWeek week, int days) {
    long interactions = days * (5L + random.nextInt(25));
    return new DemoRows.Usage(
        email,
        tool,
        week.monday(),
        days,
        interactions,
        interactions * (1 + random.nextInt(6)),
        agentDays(email, tool, week, days));
  }

  /**
   * Kiro and Claude Code are agentic throughout; Cursor and Copilot users reach for agent mode on
   * some days, more so as the months pass; Q Developer's agents are used rarely. Drawn from a
   * generator of its own, so the rest of the demo data stays as it was.
   */
  private static Integer agentDays(String email, String tool, IsoWeek week, int days) {
    Random own = new Random((email + tool + week).hashCode());
    double share =
        switch (tool) {
          case "kiro", "claude-code" -> 1.0;
          case "cursor", "copilot" -> own.nextDouble() < 0.45 ? 0.5 : 0.0;
          default -> own.nextDouble() < 0.15 ? 0.34 : 0.0;
        };
    return (int) Math.round(days * share);
  }

  static String pickTool(Random random) {
    return weighted(random, TOOLS, TOOL_WEIGHTS);
  }

  /** The tool of an AI-involved incident (none for the others). */
  static String incidentTool(Random random, AiInvolvement involvement) {
    return switch (involvement) {
      case ASSISTED ->
          weighted(
              random,
              new String[] {"copilot", "cursor", "q-developer", "claude-code"},
              new double[] {0.35, 0.35, 0.15, 0.15});
      case AGENT ->
          weighted(
              random,
              new String[] {"kiro", "claude-code", "cursor"},
              new double[] {0.45, 0.35, 0.2});
      default -> null;
    };
  }

  static Severity severity(Random random) {
    return weighted(
        random,
        new Severity[] {Severity.SEV1, Severity.SEV2, Severity.SEV3, Severity.SEV4},
        new double[] {0.06, 0.22, 0.44, 0.28});
  }

  /** The root cause of a classified incident, drawn differently for AI-involved work. */
  static RootCause rootCause(Random random, boolean ai) {
    return ai
        ? weighted(
            random,
            new RootCause[] {
              RootCause.AI_ERROR, RootCause.USER_ERROR, RootCause.ACCESS_CONTROL, RootCause.PROCESS
            },
            new double[] {0.35, 0.3, 0.2, 0.15})
        : weighted(
            random,
            new RootCause[] {
              RootCause.INFRASTRUCTURE, RootCause.PROCESS, RootCause.USER_ERROR, RootCause.OTHER
            },
            new double[] {0.4, 0.25, 0.25, 0.1});
  }

  static <T> T weighted(Random random, T[] values, double[] weights) {
    double r = random.nextDouble() * java.util.Arrays.stream(weights).sum();
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  static int poisson(Random random, double mean) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
