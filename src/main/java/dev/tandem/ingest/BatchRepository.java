package dev.tandem.ingest;

import static dev.tandem.db.Tables.IMPORT_BATCH;

import dev.tandem.db.tables.records.ImportBatchRecord;
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
    return db.insertInto(IMPORT_BATCH)
        .set(IMPORT_BATCH.FORMAT, format)
        .set(IMPORT_BATCH.TOOL_KEY, tool)
        .set(IMPORT_BATCH.FILE_NAME, fileName)
        .set(IMPORT_BATCH.SHA256, "")
        .set(IMPORT_BATCH.MODE, mode)
        .set(IMPORT_BATCH.CREATED_BY, user)
        .set(IMPORT_BATCH.CREATED_AT, at)
        .set(IMPORT_BATCH.OUTCOME, "applied")
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
        r.getUndoneAt());
  }
}
