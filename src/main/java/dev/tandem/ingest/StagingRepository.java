package dev.tandem.ingest;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.DEVELOPER;
import static dev.tandem.db.Tables.IDENTITY_MAP;
import static dev.tandem.db.Tables.IMPORT_STAGE;
import static dev.tandem.db.Tables.USAGE_WEEK;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.selectOne;

import dev.tandem.ingest.format.ParsedRow;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Usage and change rows of an import in {@code import_stage}: staged with JDBC batches (PostgreSQL:
 * COPY), each with the developer its identity resolves to, and checked there; {@link
 * UsageMergeRepository} merges them, {@link UnmatchedRowRepository} holds those that do not
 * resolve.
 */
@Repository
class StagingRepository {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(StagingRepository.class);

  private static final dev.tandem.db.tables.ImportStage S = IMPORT_STAGE;
  private final DSLContext db;
  // One process stages; the lock keeps a truncate from meeting another import's chunk in flight.
  private final java.util.concurrent.locks.ReadWriteLock stageLock =
      new java.util.concurrent.locks.ReentrantReadWriteLock();

  private final UnmatchedRowRepository unmatched;
  private final UsageMergeRepository merge;

  StagingRepository(DSLContext db, UnmatchedRowRepository unmatched, UsageMergeRepository merge) {
    this.db = db;
    this.unmatched = unmatched;
    this.merge = merge;
  }

  /**
   * Stages a chunk of rows in one JDBC batch (PostgreSQL: one COPY), each with the developer its
   * identity resolves to ({@code developers}; null: held as unmatched).
   */
  void stage(long batchId, List<? extends ParsedRow> rows, Identities developers) {
    if (rows.isEmpty()) {
      return;
    }
    db.connection(c -> StageRowsQuery.write(c, batchId, rows, developers));
  }

  /**
   * Every identity of {@code source} that resolves to a developer, in memory for one import (a
   * roster email first, then the identity map: DESIGN §4): staged rows carry their developer, so no
   * later statement joins the roster per row.
   */
  Identities identities(String source) {
    java.util.Map<String, Long> byIdentity = new java.util.HashMap<>();
    db.select(IDENTITY_MAP.EXTERNAL_ID, IDENTITY_MAP.DEVELOPER_ID)
        .from(IDENTITY_MAP)
        .where(IDENTITY_MAP.SOURCE.eq(source))
        .fetchSize(10_000)
        .forEach(r -> byIdentity.put(r.value1(), r.value2()));
    db.select(DEVELOPER.EMAIL, DEVELOPER.ID)
        .from(DEVELOPER)
        .fetchSize(10_000)
        .forEach(r -> byIdentity.put(r.value1(), r.value2()));
    return (identity, email) -> {
      Long developer = byIdentity.get(identity);
      return developer != null || email == null ? developer : byIdentity.get(email);
    };
  }

  /**
   * An identity's developer, or null when neither the roster nor the identity map knows it; {@code
   * email} (may be null) is a roster email the row matches by when the identity does not resolve.
   */
  @FunctionalInterface
  interface Identities {
    Long developerOf(String identity, String email);
  }

  void deleteLines(long batchId, Collection<Long> lines) {
    List<Long> all = List.copyOf(lines);
    for (int i = 0; i < all.size(); i += 1000) {
      db.deleteFrom(S)
          .where(S.BATCH_ID.eq(batchId))
          .and(S.LINE_NO.in(all.subList(i, Math.min(all.size(), i + 1000))))
          .execute();
    }
  }

  /**
   * A staged line whose identity resolves to the same developer, tool and week as an earlier one.
   */
  record ResolvedRepeat(long line, long firstLine, String externalId) {}

  /**
   * Weekly rows whose identities differ in the file but resolve to one developer (an email and an
   * identity mapped to it, or two mapped identities) with the same tool (or attribution) and week:
   * a key repeated inside one file (DESIGN §4.1). Only developers with a mapped identity in the
   * file can have such rows, found from the identity map's side (one index probe per mapping), so a
   * file without mapped identities costs nothing more; their rows are then compared in memory.
   */
  List<ResolvedRepeat> repeatsAfterResolution(long batchId, String source) {
    List<Long> candidates =
        db.selectDistinct(IDENTITY_MAP.DEVELOPER_ID)
            .from(IDENTITY_MAP)
            .where(IDENTITY_MAP.SOURCE.eq(source))
            .andExists(
                selectOne()
                    .from(S)
                    .where(S.BATCH_ID.eq(batchId))
                    .and(S.EXTERNAL_ID.eq(IDENTITY_MAP.EXTERNAL_ID)))
            .fetch(IDENTITY_MAP.DEVELOPER_ID);
    List<ResolvedRepeat> repeats = new java.util.ArrayList<>();
    java.util.Map<List<Object>, Long> firstLine = new java.util.HashMap<>();
    for (int i = 0; i < candidates.size(); i += 1000) {
      db.select(S.LINE_NO, S.DEVELOPER_ID, S.TOOL_KEY, S.WEEK_START, S.EXTERNAL_ID)
          .from(S)
          .where(S.BATCH_ID.eq(batchId))
          .and(S.DEVELOPER_ID.in(candidates.subList(i, Math.min(candidates.size(), i + 1000))))
          .orderBy(S.LINE_NO)
          .forEach(
              r -> {
                List<Object> key = List.of(r.value2(), r.value3(), r.value4());
                Long first = firstLine.putIfAbsent(key, r.value1());
                if (first != null) {
                  repeats.add(new ResolvedRepeat(r.value1(), first, r.value5()));
                }
              });
    }
    repeats.sort(java.util.Comparator.comparingLong(ResolvedRepeat::line));
    return repeats;
  }

  /** The weeks the staged rows of a batch touch (null when none). */
  WeekSpan stagedWeeks(long batchId) {
    var r =
        db.select(min(S.WEEK_START), max(S.WEEK_START))
            .from(S)
            .where(S.BATCH_ID.eq(batchId))
            .fetchOne();
    return r == null || r.value1() == null ? null : new WeekSpan(r.value1(), r.value2());
  }

  /** Stage rows of batches that no longer run (after a commit, a refusal or a restart). */
  int clearFinished(Collection<Long> running) {
    return running.isEmpty()
        ? db.deleteFrom(S).execute()
        : db.deleteFrom(S).where(S.BATCH_ID.notIn(running)).execute();
  }

  /** Removes the batch's staged rows (inside the caller's transaction: held rows). */
  void clear(long batchId) {
    db.deleteFrom(S).where(S.BATCH_ID.eq(batchId)).execute();
  }

  /**
   * Brings the database's statistics up to date once a batch is staged, before the checks and the
   * merge read it.
   *
   * <p>PostgreSQL plans those statements from statistics gathered when the stage held earlier
   * batches: a batch id newer than any they saw looks like a handful of rows, and the merge then
   * joins the batch by nested loops over everything it has written so far (a 506,412-row changes
   * file at 20,000 developers ran for over eight minutes).
   *
   * <p>H2's own estimate of {@code developer_id}'s distinct values in the weekly tables is far off
   * (at 20,000 developers it took 68 % of {@code usage_week}'s rows for distinct, even when it read
   * every row, against 1.3 %), so it looked staged keys up through the developer index, reading
   * each developer's every row, instead of through the key: a 256,650-row usage file kept its prior
   * rows in 43 s and merged in 50 s; with the selectivity set from the roster's size as below, in
   * 2.5 s and 7.2 s. H2 may estimate again after many writes, so it is set before each batch.
   * Outside a transaction only (H2 commits around a schema statement); a busy table is left as it
   * is.
   */
  void refreshStatistics() {
    org.jooq.SQLDialect family = db.dialect().family();
    if (family == org.jooq.SQLDialect.POSTGRES) {
      db.query("analyze {0}", S).execute();
    } else if (family == org.jooq.SQLDialect.H2
        && !org.springframework.transaction.support.TransactionSynchronizationManager
            .isActualTransactionActive()) {
      long developers = db.fetchCount(DEVELOPER);
      for (org.jooq.Table<?> t : List.of(USAGE_WEEK, CHANGE_COUNT)) {
        int selectivity = developerSelectivity(developers, db.fetchCount(t));
        try {
          // Constant names (the weekly tables), so plain text: H2 only.
          db.execute(
              "ALTER TABLE "
                  + t.getName()
                  + " ALTER COLUMN developer_id SELECTIVITY "
                  + selectivity);
        } catch (org.springframework.dao.DataAccessException e) {
          LOG.debug("{}: developer selectivity not set ({})", t.getName(), e.getMessage());
        }
      }
    }
  }

  /**
   * H2's selectivity of {@code developer_id} in a table of {@code rows} rows: the percentage of
   * rows that are distinct developers, at most one per developer, rounded up, from 1 to 100.
   */
  static int developerSelectivity(long developers, long rows) {
    if (rows <= 0) {
      return 100;
    }
    long percent = (100 * Math.min(developers, rows) + rows - 1) / rows;
    return (int) Math.max(1, Math.min(100, percent));
  }

  /**
   * Writes a chunk of staged rows in {@code write} (its own transaction) while no {@link
   * #clearAfter} empties the stage.
   */
  void whileStaging(Runnable write) {
    stageLock.readLock().lock();
    try {
      write.run();
    } finally {
      stageLock.readLock().unlock();
    }
  }

  /**
   * After a batch ended (outside any transaction): when no other batch has committed rows in the
   * stage, it is truncated, which costs nothing per row; otherwise only this batch's rows go.
   */
  void clearAfter(long batchId) {
    stageLock.writeLock().lock();
    try {
      if (!db.fetchExists(selectOne().from(S).where(S.BATCH_ID.ne(batchId)))) {
        try {
          db.truncate(S).execute();
          return;
        } catch (org.springframework.dao.DataAccessException e) {
          // Another transaction still uses the stage (held rows being applied): delete instead.
        }
      }
      db.deleteFrom(S).where(S.BATCH_ID.eq(batchId)).execute();
    } finally {
      stageLock.writeLock().unlock();
    }
  }

  /** Copies rows of unknown identities to {@code unmatched_row}; returns how many. */
  int holdUnmatched(long batchId, String source) {
    return unmatched.holdUnmatched(batchId, source);
  }

  /** Daily rows: see {@link UsageMergeRepository#applyUsageDays}. */
  void applyUsageDays(long batchId, String source, String identitySource, boolean parted) {
    merge.applyUsageDays(batchId, source, parted);
  }

  /** Weekly rows: see {@link UsageMergeRepository#applyUsageWeeks}. */
  void applyUsageWeeks(long batchId, String source, String identitySource) {
    merge.applyUsageWeeks(batchId, source);
  }

  /** Changes: see {@link UsageMergeRepository#applyChanges}. */
  void applyChanges(long batchId, String identitySource) {
    merge.applyChanges(batchId);
  }
}
