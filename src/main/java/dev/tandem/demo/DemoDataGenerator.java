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
    List<DemoRows.Person> people = DemoDraws.people(random, leafTeams, first, last);
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
      String primary = DemoDraws.pickTool(random);
      primaryOf.put(p.email(), primary);
      String secondary = random.nextDouble() < 0.25 ? DemoDraws.pickTool(random) : null;
      double lead = teamLead.get(teamKeyById.get(p.teamId()));
      for (int i = 0; i < WEEKS; i++) {
        IsoWeek week = first.plus(i);
        if (p.startedOn().isAfter(week.sunday())
            || (p.leftOn() != null && p.leftOn().isBefore(week.monday()))) {
          continue;
        }
        boolean aiUser = threshold < target(i) + lead + (random.nextDouble() - 0.5) * 0.12;
        int total = DemoDraws.poisson(random, 2.2);
        int aiChanges = 0;
        if (aiUser) {
          int days = Math.min(7, 1 + (int) Math.floor(random.nextDouble() * (2.5 + i / 8.0)));
          usage.add(DemoDraws.usageRow(random, p.email(), primary, week, days));
          if (secondary != null && !secondary.equals(primary) && random.nextDouble() < 0.6) {
            usage.add(
                DemoDraws.usageRow(random, p.email(), secondary, week, 1 + random.nextInt(2)));
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
    List<DemoRows.Seat> seats =
        DemoSeats.seats(new Random(20261202L), people, primaryOf, first.monday());
    repository.insertSeats(seats, DemoSeats.prices(first.monday()), ids, OffsetDateTime.now(clock));
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
      String tool = DemoDraws.incidentTool(random, involvement);
      boolean ai = tool != null;
      Severity severity = DemoDraws.severity(random);
      RootCause rootCause =
          involvement == AiInvolvement.UNKNOWN ? null : DemoDraws.rootCause(random, ai);
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

  private static String title(String key) {
    if (key.equals("ml")) {
      return "Machine learning";
    }
    String spaced = key.replace('-', ' ');
    return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
  }
}
