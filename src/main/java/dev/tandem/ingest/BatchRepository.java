package dev.tandem.ingest;

import static dev.tandem.db.Tables.IMPORT_BATCH;
import static dev.tandem.db.Tables.IMPORT_ERROR;

import dev.tandem.db.tables.records.ImportBatchRecord;
import dev.tandem.ingest.format.ImportError;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The import_batch rows: one per import, applied, refused or undone. */
@Repository
class BatchRepository {

  private final DSLContext db;

  BatchRepository(DSLContext db) {
    this.db = db;
  }

  long start(
      String format, String tool, String fileName, String mode, String user, OffsetDateTime at) {
    return start(format, tool, fileName, mode, user, at, "running");
  }

  long start(
      String format,
      String tool,
      String fileName,
      String mode,
      String user,
      OffsetDateTime at,
      String outcome) {
    return db.insertInto(IMPORT_BATCH)
        .set(IMPORT_BATCH.FORMAT, format)
        .set(IMPORT_BATCH.TOOL_KEY, tool)
        .set(IMPORT_BATCH.FILE_NAME, fileName)
        .set(IMPORT_BATCH.SHA256, "")
        .set(IMPORT_BATCH.MODE, mode)
        .set(IMPORT_BATCH.CREATED_BY, user)
        .set(IMPORT_BATCH.CREATED_AT, at)
        .set(IMPORT_BATCH.OUTCOME, outcome)
        .returning(IMPORT_BATCH.ID)
        .fetchOne(IMPORT_BATCH.ID);
  }

  void finish(
      long id,
      String sha256,
      long read,
      long applied,
      long rejected,
      long unmatched,
      String outcome) {
    db.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.SHA256, sha256)
        .set(IMPORT_BATCH.ROWS_READ, (int) read)
        .set(IMPORT_BATCH.ROWS_APPLIED, (int) applied)
        .set(IMPORT_BATCH.ROWS_REJECTED, (int) rejected)
        .set(IMPORT_BATCH.ROWS_UNMATCHED, (int) unmatched)
        .set(IMPORT_BATCH.OUTCOME, outcome)
        .where(IMPORT_BATCH.ID.eq(id))
        .execute();
  }

  /** Held rows that a mapping applied later count as applied from then on. */
  void moveUnmatchedToApplied(long id, int rows) {
    db.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.ROWS_APPLIED, IMPORT_BATCH.ROWS_APPLIED.plus(rows))
        .set(IMPORT_BATCH.ROWS_UNMATCHED, IMPORT_BATCH.ROWS_UNMATCHED.minus(rows))
        .where(IMPORT_BATCH.ID.eq(id))
        .execute();
  }

  void markUndone(long id, String user, OffsetDateTime at) {
    db.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.OUTCOME, "undone")
        .set(IMPORT_BATCH.UNDONE_BY, user)
        .set(IMPORT_BATCH.UNDONE_AT, at)
        .where(IMPORT_BATCH.ID.eq(id))
        .execute();
  }

  /** A queued job starts running; false when it is no longer queued. */
  boolean markRunning(long id) {
    return db.update(IMPORT_BATCH)
            .set(IMPORT_BATCH.OUTCOME, "running")
            .where(IMPORT_BATCH.ID.eq(id))
            .and(IMPORT_BATCH.OUTCOME.in("queued", "running"))
            .execute()
        == 1;
  }

  void markFailed(long id) {
    db.update(IMPORT_BATCH)
        .set(IMPORT_BATCH.OUTCOME, "failed")
        .where(IMPORT_BATCH.ID.eq(id))
        .execute();
  }

  /** After a restart: every batch still queued or running failed, with nothing applied. */
  List<Long> failUnfinished() {
    List<Long> ids =
        db.select(IMPORT_BATCH.ID)
            .from(IMPORT_BATCH)
            .where(IMPORT_BATCH.OUTCOME.in("queued", "running"))
            .fetch(IMPORT_BATCH.ID);
    if (!ids.isEmpty()) {
      db.update(IMPORT_BATCH)
          .set(IMPORT_BATCH.OUTCOME, "failed")
          .where(IMPORT_BATCH.ID.in(ids))
          .execute();
    }
    return ids;
  }

  /** A dry run leaves no batch behind. */
  void delete(long id) {
    db.deleteFrom(IMPORT_ERROR).where(IMPORT_ERROR.BATCH_ID.eq(id)).execute();
    db.deleteFrom(IMPORT_BATCH).where(IMPORT_BATCH.ID.eq(id)).execute();
  }

  void saveErrors(long id, List<ImportError> errors) {
    if (errors.isEmpty()) {
      return;
    }
    var insert =
        db.insertInto(
            IMPORT_ERROR,
            IMPORT_ERROR.BATCH_ID,
            IMPORT_ERROR.SEQ,
            IMPORT_ERROR.LINE_NO,
            IMPORT_ERROR.FIELD,
            IMPORT_ERROR.MESSAGE);
    int seq = 0;
    for (ImportError e : errors) {
      insert =
          insert.values(
              id, seq++, e.line(), cut(e.field(), 100), cut(String.valueOf(e.message()), 1000));
    }
    insert.execute();
  }

  List<ImportError> errors(long id) {
    return db.select(IMPORT_ERROR.LINE_NO, IMPORT_ERROR.FIELD, IMPORT_ERROR.MESSAGE)
        .from(IMPORT_ERROR)
        .where(IMPORT_ERROR.BATCH_ID.eq(id))
        .orderBy(IMPORT_ERROR.SEQ)
        .fetch(r -> new ImportError(r.value1(), r.value2(), r.value3()));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** The batch, locked until the transaction ends (undo against pruning). */
  Optional<ImportBatch> lock(long id) {
    return db.selectFrom(IMPORT_BATCH)
        .where(IMPORT_BATCH.ID.eq(id))
        .forUpdate()
        .fetchOptional(BatchRepository::toBatch);
  }

  Optional<ImportBatch> find(long id) {
    return db.selectFrom(IMPORT_BATCH)
        .where(IMPORT_BATCH.ID.eq(id))
        .fetchOptional(BatchRepository::toBatch);
  }

  List<ImportBatch> latest(int limit) {
    return db.selectFrom(IMPORT_BATCH)
        .orderBy(IMPORT_BATCH.ID.desc())
        .limit(limit)
        .fetch(BatchRepository::toBatch);
  }

  private static ImportBatch toBatch(ImportBatchRecord r) {
    return new ImportBatch(
        r.getId(),
        r.getFormat(),
        r.getToolKey(),
        r.getFileName(),
        r.getSha256(),
        r.getMode(),
        r.getCreatedBy(),
        r.getCreatedAt(),
        r.getRowsRead(),
        r.getRowsApplied(),
        r.getRowsRejected(),
        r.getRowsUnmatched(),
        r.getOutcome(),
        r.getUndoneBy(),
        r.getUndoneAt(),
        r.getUndoPrunedAt(),
        r.getUndoPrunedReason());
  }
}
