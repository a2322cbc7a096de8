package dev.tandem.reliability;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.SETTING;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.USAGE_WEEK;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.Severity;
import dev.tandem.rollup.RollupFixture;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Small builders for reliability test data, written straight to the tables (usage and changes
 * arrive through the import pipeline in production, which these tests do not exercise).
 */
final class ReliabilityFixtures {

  private final DSLContext db;
  private final IncidentService incidents;

  /** Makes keys unique, since Spring shares one database between the tests of a context. */
  final String prefix = "r" + UUID.randomUUID().toString().substring(0, 8);

  ReliabilityFixtures(DSLContext db, IncidentService incidents) {
    this.db = db;
    this.incidents = incidents;
  }

  long team(String key, Long parentId) {
    return db.insertInto(TEAM)
        .set(TEAM.TEAM_KEY, key(key))
        .set(TEAM.NAME, key)
        .set(TEAM.PARENT_ID, parentId)
        .returning(TEAM.ID)
        .fetchOne(TEAM.ID);
  }

  /**
   * Runs {@code writes} as an admin outside a test method (e.g. in {@code @BeforeAll}), with the
   * security strategy of {@code context} in place as {@code SecurityStrategyPerContextListener}
   * would put it before a test method.
   */
  static void asAdmin(org.springframework.context.ApplicationContext context, Runnable writes) {
    var strategy =
        context
            .getBeanProvider(
                org.springframework.security.core.context.SecurityContextHolderStrategy.class)
            .getIfUnique();
    if (strategy != null) {
      org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(
          strategy);
    }
    var holder = org.springframework.security.core.context.SecurityContextHolder.getContext();
    holder.setAuthentication(
        new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
            "fixture-admin",
            null,
            java.util.List.of(
                new org.springframework.security.core.authority.SimpleGrantedAuthority(
                    "ROLE_ADMIN"))));
    try {
      writes.run();
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }
  }

  private boolean deferring;

  /** Runs {@code writes} with one rollup refresh at the end instead of one per write. */
  void batch(Runnable writes) {
    defer();
    try {
      writes.run();
    } finally {
      deferring = false;
    }
    refresh();
  }

  /**
   * Until {@link #flush}, writes leave the rollup alone (each would recompute all of it): for a
   * set-up that writes many rows and keeps their ids in local variables.
   */
  void defer() {
    deferring = true;
  }

  /** Ends {@link #defer}: one rollup refresh for everything written since. */
  void flush() {
    deferring = false;
    refresh();
  }

  private void refresh() {
    if (!deferring) {
      RollupFixture.refresh(db);
    }
  }

  String key(String key) {
    return prefix + "-" + key;
  }

  long developer(long team, LocalDate started, LocalDate left, boolean excluded) {
    long id = insertDeveloper(team, started, left, excluded);
    refresh();
    return id;
  }

  private long insertDeveloper(long team, LocalDate started, LocalDate left, boolean excluded) {
    return db.insertInto(DEVELOPER)
        .set(DEVELOPER.EMAIL, UUID.randomUUID() + "@example.com")
        .set(DEVELOPER.NAME, "Dev")
        .set(DEVELOPER.TEAM_ID, team)
        .set(DEVELOPER.STARTED_ON, started)
        .set(DEVELOPER.LEFT_ON, left)
        .set(DEVELOPER.EXCLUDED, excluded)
        .returning(DEVELOPER.ID)
        .fetchOne(DEVELOPER.ID);
  }

  void usage(long developer, String tool, String week, int activeDays) {
    usage(developer, tool, week, activeDays, null);
  }

  /** {@code agentDays} null: the source cannot tell agent use apart. */
  void usage(long developer, String tool, String week, int activeDays, Integer agentDays) {
    db.insertInto(USAGE_WEEK)
        .set(USAGE_WEEK.AGENT_DAYS, agentDays == null ? null : agentDays.shortValue())
        .set(USAGE_WEEK.DEVELOPER_ID, developer)
        .set(USAGE_WEEK.TOOL_KEY, tool)
        .set(USAGE_WEEK.WEEK_START, IsoWeek.parse(week).monday())
        .set(USAGE_WEEK.SOURCE, "test")
        .set(USAGE_WEEK.ACTIVE_DAYS, (short) activeDays)
        .execute();
    refresh();
  }

  void changes(long developer, String week, String attribution, int changes) {
    db.insertInto(CHANGE_COUNT)
        .set(CHANGE_COUNT.DEVELOPER_ID, developer)
        .set(CHANGE_COUNT.WEEK_START, IsoWeek.parse(week).monday())
        .set(CHANGE_COUNT.ATTRIBUTION, attribution)
        .set(CHANGE_COUNT.CHANGES, changes)
        .execute();
    refresh();
  }

  /** An incident through the service, as the Incidents screen would create it. */
  Incident incident(
      Long team,
      String involvement,
      String tool,
      String severity,
      String startedAt,
      Integer minutesToRestore) {
    OffsetDateTime start = OffsetDateTime.parse(startedAt);
    return incidents.save(
        Incident.builder()
            .externalId(prefix + "-" + UUID.randomUUID())
            .title("Test incident")
            .severity(Severity.parse(severity))
            .startedAt(start)
            .resolvedAt(minutesToRestore == null ? null : start.plusMinutes(minutesToRestore))
            .teamId(team)
            .aiInvolvement(AiInvolvement.parse(involvement))
            .tool(tool)
            .build());
  }

  void zone(String zone) {
    db.update(SETTING)
        .set(SETTING.SETTING_VALUE, zone)
        .where(SETTING.SETTING_KEY.eq("zone"))
        .execute();
  }
}
