package dev.tandem.adoption;

import static dev.tandem.db.Tables.API_TOKEN;
import static dev.tandem.db.Tables.APP_USER;
import static dev.tandem.db.Tables.AUDIT_LOG;
import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IDENTITY_MAP;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.SETTING;
import static dev.tandem.db.Tables.TEAM;
import static dev.tandem.db.Tables.UNMATCHED_ROW;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;

import dev.tandem.base.IsoWeek;
import dev.tandem.rollup.RollupFixture;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/** Builds small rosters and usage directly in the database, for hand-worked adoption figures. */
final class AdoptionFixture {

  private final DSLContext db;

  AdoptionFixture(DSLContext db) {
    this.db = db;
  }

  void clear() {
    db.deleteFrom(UNMATCHED_ROW).execute();
    db.deleteFrom(USAGE_DAY).execute();
    db.deleteFrom(USAGE_WEEK).execute();
    db.deleteFrom(CHANGE_COUNT).execute();
    db.deleteFrom(INCIDENT).execute();
    db.deleteFrom(IMPORT_BATCH).execute();
    db.deleteFrom(IDENTITY_MAP).execute();
    db.deleteFrom(API_TOKEN).execute();
    db.deleteFrom(APP_USER).execute();
    db.deleteFrom(AUDIT_LOG).execute();
    db.deleteFrom(DEVELOPER).execute();
    db.update(TEAM).setNull(TEAM.PARENT_ID).execute();
    db.deleteFrom(TEAM).execute();
    RollupFixture.refresh(db);
    zone("UTC");
  }

  void zone(String zone) {
    db.update(SETTING)
        .set(SETTING.SETTING_VALUE, zone)
        .where(SETTING.SETTING_KEY.eq("zone"))
        .execute();
  }

  long team(String key, Long parent) {
    return db.insertInto(TEAM)
        .set(TEAM.TEAM_KEY, key)
        .set(TEAM.NAME, key.toUpperCase())
        .set(TEAM.PARENT_ID, parent)
        .returning(TEAM.ID)
        .fetchOne(TEAM.ID);
  }

  long developer(long team, String name, LocalDate started, LocalDate left, boolean excluded) {
    long id = insertDeveloper(team, name, started, left, excluded);
    RollupFixture.refresh(db);
    return id;
  }

  private long insertDeveloper(
      long team, String name, LocalDate started, LocalDate left, boolean excluded) {
    return db.insertInto(DEVELOPER)
        .set(DEVELOPER.EMAIL, name + "@example.com")
        .set(DEVELOPER.NAME, name)
        .set(DEVELOPER.TEAM_ID, team)
        .set(DEVELOPER.STARTED_ON, started)
        .set(DEVELOPER.LEFT_ON, left)
        .set(DEVELOPER.EXCLUDED, excluded)
        .returning(DEVELOPER.ID)
        .fetchOne(DEVELOPER.ID);
  }

  long developer(long team, String name) {
    return developer(team, name, LocalDate.of(2020, 1, 1), null, false);
  }

  void usage(long developer, String tool, String week, int activeDays) {
    usage(developer, tool, week, activeDays, null);
  }

  /** {@code agentDays} null: the source cannot tell agent use from other use. */
  void usage(long developer, String tool, String week, int activeDays, Integer agentDays) {
    db.insertInto(USAGE_WEEK)
        .set(USAGE_WEEK.DEVELOPER_ID, developer)
        .set(USAGE_WEEK.TOOL_KEY, tool)
        .set(USAGE_WEEK.WEEK_START, IsoWeek.parse(week).monday())
        .set(USAGE_WEEK.SOURCE, "test")
        .set(USAGE_WEEK.ACTIVE_DAYS, (short) activeDays)
        .set(USAGE_WEEK.AGENT_DAYS, agentDays == null ? null : agentDays.shortValue())
        .execute();
    RollupFixture.refresh(db);
  }

  void unmatchedUsageDay(String externalId, LocalDate day) {
    long batch =
        db.insertInto(IMPORT_BATCH)
            .set(IMPORT_BATCH.FORMAT, "copilot-user-metrics-ndjson")
            .set(IMPORT_BATCH.SHA256, "0".repeat(64))
            .set(IMPORT_BATCH.MODE, "all-or-nothing")
            .set(IMPORT_BATCH.CREATED_BY, "test")
            .set(IMPORT_BATCH.CREATED_AT, OffsetDateTime.now())
            .set(IMPORT_BATCH.OUTCOME, "applied")
            .returning(IMPORT_BATCH.ID)
            .fetchOne(IMPORT_BATCH.ID);
    db.insertInto(UNMATCHED_ROW)
        .set(UNMATCHED_ROW.BATCH_ID, batch)
        .set(UNMATCHED_ROW.SOURCE, "copilot")
        .set(UNMATCHED_ROW.EXTERNAL_ID, externalId)
        .set(UNMATCHED_ROW.ROW_KIND, "usage-day")
        .set(UNMATCHED_ROW.TOOL_KEY, "copilot")
        .set(UNMATCHED_ROW.USAGE_DATE, day)
        .set(UNMATCHED_ROW.ACTIVE, true)
        .execute();
  }
}
