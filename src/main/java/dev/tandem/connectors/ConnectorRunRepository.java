package dev.tandem.connectors;

import static dev.tandem.db.Tables.CONNECTOR_RUN;
import static dev.tandem.db.Tables.CONNECTOR_RUN_BATCH;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The connector_run rows and the batches each run made. */
@Repository
class ConnectorRunRepository {

  private final DSLContext db;

  ConnectorRunRepository(DSLContext db) {
    this.db = db;
  }

  long start(
      String key,
      String trigger,
      String by,
      OffsetDateTime at,
      LocalDate firstDay,
      LocalDate lastDay) {
    return db.insertInto(CONNECTOR_RUN)
        .set(CONNECTOR_RUN.CONNECTOR_KEY, key)
        .set(CONNECTOR_RUN.RUN_TRIGGER, trigger)
        .set(CONNECTOR_RUN.STARTED_BY, by)
        .set(CONNECTOR_RUN.STARTED_AT, at)
        .set(CONNECTOR_RUN.FIRST_DAY, firstDay)
        .set(CONNECTOR_RUN.LAST_DAY, lastDay)
        .set(CONNECTOR_RUN.OUTCOME, "running")
        .returning(CONNECTOR_RUN.ID)
        .fetchOne(CONNECTOR_RUN.ID);
  }

  void addBatch(long runId, long batchId, LocalDate day) {
    db.insertInto(CONNECTOR_RUN_BATCH)
        .set(CONNECTOR_RUN_BATCH.RUN_ID, runId)
        .set(CONNECTOR_RUN_BATCH.BATCH_ID, batchId)
        .set(CONNECTOR_RUN_BATCH.FETCHED_DAY, day)
        .execute();
  }

  void finish(
      long runId,
      OffsetDateTime at,
      String outcome,
      LocalDate failedDay,
      String message,
      long read,
      long applied,
      long unmatched) {
    db.update(CONNECTOR_RUN)
        .set(CONNECTOR_RUN.FINISHED_AT, at)
        .set(CONNECTOR_RUN.OUTCOME, outcome)
        .set(CONNECTOR_RUN.FAILED_DAY, failedDay)
        .set(CONNECTOR_RUN.MESSAGE, message == null ? null : clip(message, 2000))
        .set(CONNECTOR_RUN.ROWS_READ, (int) read)
        .set(CONNECTOR_RUN.ROWS_APPLIED, (int) applied)
        .set(CONNECTOR_RUN.ROWS_UNMATCHED, (int) unmatched)
        .where(CONNECTOR_RUN.ID.eq(runId))
        .execute();
  }

  /** The latest runs, newest first, of one connector (or all when key is null). */
  List<ConnectorRun> latest(String key, int limit) {
    var runs =
        db.selectFrom(CONNECTOR_RUN)
            .where(key == null ? DSL.noCondition() : CONNECTOR_RUN.CONNECTOR_KEY.eq(key))
            .orderBy(CONNECTOR_RUN.ID.desc())
            .limit(limit)
            .fetch();
    Map<Long, List<Long>> batches = new HashMap<>();
    if (!runs.isEmpty()) {
      db.select(CONNECTOR_RUN_BATCH.RUN_ID, CONNECTOR_RUN_BATCH.BATCH_ID)
          .from(CONNECTOR_RUN_BATCH)
          .where(CONNECTOR_RUN_BATCH.RUN_ID.in(runs.getValues(CONNECTOR_RUN.ID)))
          .orderBy(CONNECTOR_RUN_BATCH.BATCH_ID)
          .forEach(
              r ->
                  batches
                      .computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>())
                      .add(r.value2()));
    }
    return runs.map(
        r ->
            new ConnectorRun(
                r.getId(),
                r.getConnectorKey(),
                r.getRunTrigger(),
                r.getStartedBy(),
                r.getStartedAt(),
                r.getFinishedAt(),
                r.getFirstDay(),
                r.getLastDay(),
                r.getOutcome(),
                r.getFailedDay(),
                r.getMessage(),
                r.getRowsRead(),
                r.getRowsApplied(),
                r.getRowsUnmatched(),
                batches.getOrDefault(r.getId(), List.of())));
  }

  /** Per connector: its latest finished run and its latest success (one query). */
  Map<String, Summary> summaries() {
    var latestId =
        DSL.select(CONNECTOR_RUN.CONNECTOR_KEY, DSL.max(CONNECTOR_RUN.ID).as("id"))
            .from(CONNECTOR_RUN)
            .where(CONNECTOR_RUN.OUTCOME.ne("running"))
            .groupBy(CONNECTOR_RUN.CONNECTOR_KEY)
            .asTable("l");
    var success =
        DSL.select(
                CONNECTOR_RUN.CONNECTOR_KEY, DSL.max(CONNECTOR_RUN.FINISHED_AT).as("succeeded_at"))
            .from(CONNECTOR_RUN)
            .where(CONNECTOR_RUN.OUTCOME.eq("succeeded"))
            .groupBy(CONNECTOR_RUN.CONNECTOR_KEY)
            .asTable("s");
    Map<String, Summary> out = new HashMap<>();
    for (Record r :
        db.select(
                CONNECTOR_RUN.CONNECTOR_KEY,
                CONNECTOR_RUN.OUTCOME,
                CONNECTOR_RUN.FINISHED_AT,
                CONNECTOR_RUN.ROWS_APPLIED,
                CONNECTOR_RUN.MESSAGE,
                success.field("succeeded_at", OffsetDateTime.class))
            .from(CONNECTOR_RUN)
            .join(latestId)
            .on(CONNECTOR_RUN.ID.eq(latestId.field("id", Long.class)))
            .leftJoin(success)
            .on(
                success
                    .field(CONNECTOR_RUN.CONNECTOR_KEY.getName(), String.class)
                    .eq(CONNECTOR_RUN.CONNECTOR_KEY))
            .fetch()) {
      out.put(
          r.get(CONNECTOR_RUN.CONNECTOR_KEY),
          new Summary(
              r.get(CONNECTOR_RUN.OUTCOME),
              r.get(CONNECTOR_RUN.FINISHED_AT),
              r.get(CONNECTOR_RUN.ROWS_APPLIED),
              r.get(CONNECTOR_RUN.MESSAGE),
              r.get("succeeded_at", OffsetDateTime.class)));
    }
    return out;
  }

  /** A connector's latest finished run and latest success. */
  record Summary(
      String lastOutcome,
      OffsetDateTime lastRunAt,
      int lastRowsApplied,
      String lastMessage,
      OffsetDateTime lastSuccessAt) {}

  /** Runs left 'running' by an instance that stopped: failed, with the reason. */
  int failAbandoned(String key, OffsetDateTime at) {
    return db.update(CONNECTOR_RUN)
        .set(CONNECTOR_RUN.OUTCOME, "failed")
        .set(CONNECTOR_RUN.FINISHED_AT, at)
        .set(CONNECTOR_RUN.MESSAGE, "the instance running it stopped before it ended")
        .where(CONNECTOR_RUN.CONNECTOR_KEY.eq(key))
        .and(CONNECTOR_RUN.OUTCOME.eq("running"))
        .execute();
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
