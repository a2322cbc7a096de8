package dev.tandem.demo;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import dev.tandem.rollup.RollupService;
import dev.tandem.security.Role;
import dev.tandem.security.UserAccount;
import dev.tandem.security.UserService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo organisation, generated once on an empty database in the {@code demo} profile.
 * Deterministic (fixed seed) relative to the current week: about 250 developers in 12 teams under a
 * three-level tree, joiners and leavers, one excluded person, 26 complete weeks of usage with
 * adoption rising unevenly from about 45% to about 80%, changes with AI attribution and about 60
 * incidents.
 */
@Component
@Profile("demo")
@Order(0)
class DemoDataGenerator implements ApplicationRunner {

  static final int WEEKS = 26;
  private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
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

  private final DemoDataRepository repository;
  private final UserService users;
  private final Clock clock;

  private final RollupService rollup;

  DemoDataGenerator(
      DemoDataRepository repository, UserService users, Clock clock, RollupService rollup) {
    this.rollup = rollup;
    this.repository = repository;
    this.users = users;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!repository.rosterIsEmpty()) {
      return;
    }
    long started = System.nanoTime();
    Random random = new Random(20261126L);
    IsoWeek last = IsoWeek.of(LocalDate.now(clock)).minus(1);
    IsoWeek first = last.minus(WEEKS - 1);

    Map<String, Long> leafTeams = createTeams();
    List<DemoRows.Person> people = people(random, leafTeams, first, last);
    Map<String, Long> ids = repository.insertPeople(people);

    Map<String, Double> teamLead = new LinkedHashMap<>();
    leafTeams.keySet().forEach(k -> teamLead.put(k, (random.nextDouble() - 0.5) * 0.22));
    Map<Long, String> teamKeyById = new LinkedHashMap<>();
    leafTeams.forEach((k, v) -> teamKeyById.put(v, k));

    List<DemoRows.Usage> usage = new ArrayList<>();
    List<DemoRows.Changes> changes = new ArrayList<>();
    Map<String, String> primaryOf = new LinkedHashMap<>();
    for (DemoRows.Person p : people) {
      double threshold = random.nextDouble();
      String primary = pickTool(random);
      primaryOf.put(p.email(), primary);
      String secondary = random.nextDouble() < 0.25 ? pickTool(random) : null;
      double lead = teamLead.get(teamKeyById.get(p.teamId()));
      for (int i = 0; i < WEEKS; i++) {
        IsoWeek week = first.plus(i);
        if (p.startedOn().isAfter(week.sunday())
            || (p.leftOn() != null && p.leftOn().isBefore(week.monday()))) {
          continue;
        }
        boolean aiUser = threshold < target(i) + lead + (random.nextDouble() - 0.5) * 0.12;
        int total = poisson(random, 2.2);
        int aiChanges = 0;
        if (aiUser) {
          int days = Math.min(7, 1 + (int) Math.floor(random.nextDouble() * (2.5 + i / 8.0)));
          usage.add(usageRow(random, p.email(), primary, week, days));
          if (secondary != null && !secondary.equals(primary) && random.nextDouble() < 0.6) {
            usage.add(usageRow(random, p.email(), secondary, week, 1 + random.nextInt(2)));
          }
          aiChanges = (int) Math.round(total * (0.3 + 0.4 * random.nextDouble()));
          if (aiChanges > 0) {
            changes.add(new DemoRows.Changes(p.email(), week.monday(), primary, aiChanges));
          }
        } else if (random.nextDouble() < 0.15) {
          usage.add(
              new DemoRows.Usage(
                  p.email(), primary, week.monday(), 0, 0, 0, 0)); // licence seat, no activity
        }
        if (total - aiChanges > 0) {
          changes.add(new DemoRows.Changes(p.email(), week.monday(), "none", total - aiChanges));
        }
      }
    }
    repository.insertUsage(usage, ids);
    repository.insertChanges(changes, ids);
    // Seats use a random of their own: the usage above stays as it was before seats existed.
    List<DemoRows.Seat> seats = seats(new Random(20261202L), people, primaryOf, first.monday());
    repository.insertSeats(seats, prices(first.monday()), ids, OffsetDateTime.now(clock));
    List<DemoRows.Incident> incidents = incidents(random, leafTeams, first, last);
    repository.insertIncidents(incidents, OffsetDateTime.now(clock));
    createUsers(leafTeams, ids, people);
    rollup.rebuildAll();
    log.info(
        "Demo organisation created: {} developers, {} usage rows, {} change rows, {} incidents in {} ms",
        people.size(),
        usage.size(),
        changes.size(),
        incidents.size(),
        (System.nanoTime() - started) / 1_000_000);
  }

  /** Seat type of each tool's demo seats. */
  private static final Map<String, String> SEAT_TYPES =
      Map.of(
          "copilot", "business",
          "cursor", "teams",
          "q-developer", "pro",
          "kiro", "pro",
          "claude-code", "team");

  /**
   * Seats: most developers hold one of their main tool from the first week (or their start); some
   * leavers returned it the day after they left, the others still hold it (the reclaim list); a few
   * hold a Copilot seat they hardly use (idle seats).
   */
  static List<DemoRows.Seat> seats(
      Random random, List<DemoRows.Person> people, Map<String, String> primaryOf, LocalDate from) {
    List<DemoRows.Seat> seats = new ArrayList<>();
    for (DemoRows.Person p : people) {
      if (p.excluded()) {
        continue;
      }
      LocalDate assigned = p.startedOn().isAfter(from) ? p.startedOn() : from;
      LocalDate removed =
          p.leftOn() != null && random.nextDouble() < 0.6 ? p.leftOn().plusDays(1) : null;
      if (removed != null && removed.isBefore(assigned)) {
        continue;
      }
      String tool = primaryOf.get(p.email());
      if (random.nextDouble() < 0.85) {
        seats.add(new DemoRows.Seat(p.email(), tool, SEAT_TYPES.get(tool), assigned, removed));
      }
      if (!tool.equals("copilot") && random.nextDouble() < 0.1) {
        seats.add(new DemoRows.Seat(p.email(), "copilot", "business", assigned, removed));
      }
    }
    return seats;
  }

  /** The price list: one price per tool's seat type, Cursor's raised halfway. */
  static List<DemoRows.Price> prices(LocalDate from) {
    List<DemoRows.Price> prices = new ArrayList<>();
    prices.add(new DemoRows.Price("copilot", "business", from, new java.math.BigDecimal("19.00")));
    prices.add(new DemoRows.Price("cursor", "teams", from, new java.math.BigDecimal("32.00")));
    prices.add(
        new DemoRows.Price(
            "cursor", "teams", from.plusWeeks(WEEKS / 2), new java.math.BigDecimal("40.00")));
    prices.add(new DemoRows.Price("q-developer", "pro", from, new java.math.BigDecimal("19.00")));
    prices.add(new DemoRows.Price("kiro", "pro", from, new java.math.BigDecimal("20.00")));
    prices.add(new DemoRows.Price("claude-code", "team", from, new java.math.BigDecimal("30.00")));
    return prices;
  }

  /**
   * Organisation-wide adoption target for week i: rising from ~45% to ~80%, with a dip in the
   * middle.
   */
  static double target(int i) {
    double trend = 0.465 + 0.36 * i / (WEEKS - 1);
    double wobble = 0.03 * Math.sin(i / 2.0) - (i >= 11 && i <= 13 ? 0.05 : 0);
    return trend + wobble;
  }

  private Map<String, Long> createTeams() {
    long engineering = repository.insertTeam("engineering", "Engineering", null);
    Map<String, String[]> groups = new LinkedHashMap<>();
    groups.put(
        "platform",
        new String[] {"infrastructure", "observability", "developer-experience", "security"});
    groups.put("commerce", new String[] {"payments", "checkout", "catalog", "search"});
    groups.put("data", new String[] {"analytics", "ml", "pipelines", "billing"});
    Map<String, Long> leaves = new LinkedHashMap<>();
    groups.forEach(
        (group, children) -> {
          long groupId = repository.insertTeam(group, title(group), engineering);
          for (String child : children) {
            leaves.put(child, repository.insertTeam(child, title(child), groupId));
          }
        });
    return leaves;
  }

  private List<DemoRows.Person> people(
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

  private static DemoRows.Usage usageRow(
      Random random, String email, String tool, IsoWeek week, int days) {
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

  private List<DemoRows.Incident> incidents(
      Random random, Map<String, Long> teams, IsoWeek first, IsoWeek last) {
    String[] services = {
      "checkout-api",
      "billing-api",
      "search-indexer",
      "payments-gateway",
      "catalog-service",
      "ml-feature-store",
      "observability-pipeline",
      "auth-service",
      "cost-explorer",
      "build-cache"
    };
    String[] titles = {
      "Elevated 5xx on %s",
      "Latency spike in %s",
      "Data loss risk in %s",
      "Deploy of %s rolled back",
      "%s unavailable in one region",
      "Misconfigured permissions on %s",
      "Queue backlog in %s"
    };
    List<Long> teamIds = new ArrayList<>(teams.values());
    List<DemoRows.Incident> incidents = new ArrayList<>();
    long windowMinutes = (last.weeksUntil(last) + first.weeksUntil(last) + 1) * 7L * 24 * 60;
    OffsetDateTime start = first.monday().atStartOfDay().atOffset(ZoneOffset.UTC);
    for (int n = 0; n < 62; n++) {
      OffsetDateTime startedAt = start.plusMinutes((long) (random.nextDouble() * windowMinutes));
      double r = random.nextDouble();
      AiInvolvement involvement =
          n % 12 == 3
              ? AiInvolvement.UNKNOWN
              : r < 0.52
                  ? AiInvolvement.NONE
                  : r < 0.78 ? AiInvolvement.ASSISTED : AiInvolvement.AGENT;
      String tool =
          switch (involvement) {
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
      boolean ai = tool != null;
      Severity severity =
          weighted(
              random,
              new Severity[] {Severity.SEV1, Severity.SEV2, Severity.SEV3, Severity.SEV4},
              new double[] {0.06, 0.22, 0.44, 0.28});
      RootCause rootCause =
          involvement == AiInvolvement.UNKNOWN
              ? null
              : ai
                  ? weighted(
                      random,
                      new RootCause[] {
                        RootCause.AI_ERROR,
                        RootCause.USER_ERROR,
                        RootCause.ACCESS_CONTROL,
                        RootCause.PROCESS
                      },
                      new double[] {0.35, 0.3, 0.2, 0.15})
                  : weighted(
                      random,
                      new RootCause[] {
                        RootCause.INFRASTRUCTURE,
                        RootCause.PROCESS,
                        RootCause.USER_ERROR,
                        RootCause.OTHER
                      },
                      new double[] {0.4, 0.25, 0.25, 0.1});
      boolean agent = involvement == AiInvolvement.AGENT;
      OffsetDateTime resolvedAt =
          startedAt.isAfter(last.sunday().atStartOfDay().atOffset(ZoneOffset.UTC).minusDays(2))
                  && random.nextBoolean()
              ? null
              : startedAt.plusMinutes(15 + (long) Math.exp(3 + random.nextDouble() * 3.5));
      String service = services[random.nextInt(services.length)];
      incidents.add(
          new DemoRows.Incident(
              "INC-" + (1000 + n),
              String.format(titles[random.nextInt(titles.length)], service),
              severity,
              startedAt,
              resolvedAt,
              service,
              teamIds.get(random.nextInt(teamIds.size())),
              involvement,
              tool,
              rootCause,
              involvement == AiInvolvement.UNKNOWN
                  ? null
                  : !(ai && random.nextDouble() < 0.45) && random.nextDouble() < 0.9,
              involvement == AiInvolvement.UNKNOWN
                  ? null
                  : agent ? random.nextDouble() < 0.35 : random.nextDouble() < 0.8,
              involvement == AiInvolvement.UNKNOWN
                  ? null
                  : agent ? random.nextDouble() < 0.5 : random.nextDouble() < 0.05,
              random.nextDouble() < 0.4,
              severity.major() ? "https://wiki.example.com/pm/" + (1000 + n) : null));
    }
    return incidents;
  }

  private void createUsers(
      Map<String, Long> teams, Map<String, Long> ids, List<DemoRows.Person> people) {
    users.createUser(
        new UserAccount(null, "admin", "Ada Admin", Role.ADMIN, null, null, true), "admin");
    users.createUser(
        new UserAccount(null, "leader", "Lee Leader", Role.LEADER, null, null, true), "leader");
    users.createUser(
        new UserAccount(
            null, "manager", "Mia Manager", Role.MANAGER, teamId("commerce", teams), null, true),
        "manager");
    users.createUser(
        new UserAccount(
            null,
            "member",
            people.get(0).name(),
            Role.MEMBER,
            teams.get("payments"),
            ids.get(people.get(0).email()),
            true),
        "member");
  }

  private Long teamId(String key, Map<String, Long> leaves) {
    // "commerce" is a group, not a leaf: its id is the parent of its leaves.
    return leaves.containsKey(key) ? leaves.get(key) : repository.teamIdByKey(key);
  }

  private static String pickTool(Random random) {
    return weighted(random, TOOLS, TOOL_WEIGHTS);
  }

  private static <T> T weighted(Random random, T[] values, double[] weights) {
    double r = random.nextDouble() * java.util.Arrays.stream(weights).sum();
    for (int i = 0; i < values.length; i++) {
      r -= weights[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private static int poisson(Random random, double mean) {
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static String title(String key) {
    if (key.equals("ml")) {
      return "Machine learning";
    }
    String spaced = key.replace('-', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
