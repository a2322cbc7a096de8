package dev.tandem.demo;

import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.SEAT;
import static dev.tandem.db.Tables.SEAT_PRICE;
import static dev.tandem.db.Tables.TEAM;

import dev.tandem.db.tables.records.ChangeCountRecord;
import dev.tandem.db.tables.records.DeveloperRecord;
import dev.tandem.db.tables.records.IncidentRecord;
import dev.tandem.db.tables.records.UsageWeekRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Repository;

/** Bulk writes of the generated organisation: one batch per table, not a round trip per row. */
@Repository
class DemoDataRepository {

  private static final String SOURCE = "demo";
  private final DSLContext db;

  DemoDataRepository(DSLContext db) {
    this.db = db;
  }

  boolean rosterIsEmpty() {
    return db.fetchCount(DEVELOPER) == 0 && db.fetchCount(TEAM) == 0;
  }

  long insertTeam(String key, String name, Long parentId) {
    return db.insertInto(TEAM)
        .set(TEAM.TEAM_KEY, key)
        .set(TEAM.NAME, name)
        .set(TEAM.PARENT_ID, parentId)
        .returning(TEAM.ID)
        .fetchOne(TEAM.ID);
  }

  Long teamIdByKey(String key) {
    return db.select(TEAM.ID).from(TEAM).where(TEAM.TEAM_KEY.eq(key)).fetchOne(TEAM.ID);
  }

  /** Inserts the people and returns their ids by email. */
  Map<String, Long> insertPeople(List<DemoRows.Person> people) {
    db.batchInsert(
            people.stream()
                .map(
                    p ->
                        withoutId(
                            new DeveloperRecord(
                                null,
                                p.email(),
                                p.name(),
                                p.teamId(),
                                p.startedOn(),
                                p.leftOn(),
                                p.excluded())))
                .toList())
        .execute();
    return db.select(DEVELOPER.EMAIL, DEVELOPER.ID)
        .from(DEVELOPER)
        .fetchMap(Record2::value1, Record2::value2);
  }

  /** Leaves the identity column to the database. */
  private static <R extends org.jooq.TableRecord<R>> R withoutId(R record) {
    record.changed(record.getTable().field("id"), false);
    return record;
  }

  void insertUsage(List<DemoRows.Usage> rows, Map<String, Long> ids) {
    db.batchInsert(
            rows.stream()
                .map(
                    u ->
                        new UsageWeekRecord(
                            ids.get(u.email()),
                            u.tool(),
                            u.weekStart(),
                            SOURCE,
                            (short) u.activeDays(),
                            u.interactions(),
                            u.acceptedLines(),
                            null,
                            u.agentDays() == null ? null : u.agentDays().shortValue()))
                .toList())
        .execute();
  }

  void insertChanges(List<DemoRows.Changes> rows, Map<String, Long> ids) {
    db.batchInsert(
            rows.stream()
                .map(
                    c ->
                        new ChangeCountRecord(
                            ids.get(c.email()), c.weekStart(), c.attribution(), c.changes(), null))
                .toList())
        .execute();
  }

  void insertIncidents(List<DemoRows.Incident> rows, OffsetDateTime now) {
    db.batchInsert(
            rows.stream()
                .map(
                    i ->
                        withoutId(
                            new IncidentRecord(
                                null,
                                i.externalId(),
                                SOURCE,
                                i.title(),
                                i.severity(),
                                i.resolvedAt() == null ? "triggered" : "resolved",
                                i.startedAt(),
                                i.resolvedAt(),
                                i.service(),
                                i.teamId(),
                                i.aiInvolvement(),
                                i.tool(),
                                i.rootCause(),
                                i.peerReviewed(),
                                i.approvalRequired(),
                                i.permissionsExceeded(),
                                i.customerImpact(),
                                i.postmortemUrl(),
                                null,
                                now)))
                .toList())
        .execute();
  }

  /**
   * The seats as one applied batch of {@code tandem-seats-csv} (a seat needs its batch; undoing it
   * removes the demo's seats), and the price list.
   */
  void insertSeats(
      List<DemoRows.Seat> seats,
      List<DemoRows.Price> prices,
      Map<String, Long> ids,
      OffsetDateTime now) {
    long batch =
        db.insertInto(IMPORT_BATCH)
            .set(IMPORT_BATCH.FORMAT, "tandem-seats-csv")
            .set(IMPORT_BATCH.FILE_NAME, "demo seats")
            .set(IMPORT_BATCH.SHA256, "0".repeat(64))
            .set(IMPORT_BATCH.MODE, "all-or-nothing")
            .set(IMPORT_BATCH.CREATED_BY, SOURCE)
            .set(IMPORT_BATCH.CREATED_AT, now)
            .set(IMPORT_BATCH.ROWS_READ, seats.size())
            .set(IMPORT_BATCH.ROWS_APPLIED, seats.size())
            .set(IMPORT_BATCH.OUTCOME, "applied")
            .returning(IMPORT_BATCH.ID)
            .fetchSingle(IMPORT_BATCH.ID);
    db.batch(
            seats.stream()
                .map(
                    s ->
                        db.insertInto(SEAT)
                            .set(SEAT.SOURCE, "tandem")
                            .set(SEAT.EXTERNAL_ID, s.email())
                            .set(SEAT.DEVELOPER_ID, ids.get(s.email()))
                            .set(SEAT.TOOL_KEY, s.tool())
                            .set(SEAT.SEAT_TYPE, s.seatType())
                            .set(SEAT.ASSIGNED_ON, s.assignedOn())
                            .set(SEAT.REMOVED_ON, s.removedOn())
                            .set(SEAT.BATCH_ID, batch))
                .toList())
        .execute();
    db.batch(
            prices.stream()
                .map(
                    p ->
                        db.insertInto(SEAT_PRICE)
                            .set(SEAT_PRICE.TOOL_KEY, p.tool())
                            .set(SEAT_PRICE.SEAT_TYPE, p.seatType())
                            .set(SEAT_PRICE.VALID_FROM, p.validFrom())
                            .set(SEAT_PRICE.MONTHLY_PRICE, p.price()))
                .toList())
        .execute();
  }
}
