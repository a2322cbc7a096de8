package dev.tandem.ingest;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import dev.tandem.ingest.PriorTable.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.TableLike;
import org.springframework.stereotype.Repository;

/**
 * "Save prior, then merge" and "restore prior" for every table an import writes (see {@link
 * PriorTable}): set-based statements, one per table and step, never one per row.
 */
@Repository
class PriorRepository {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(PriorRepository.class);

  private final DSLContext db;

  PriorRepository(DSLContext db) {
    this.db = db;
  }

  /**
   * Keeps for undo the rows of {@code t} that {@code which} selects from {@code from} ({@code t}
   * itself or joined to it), as they are now.
   */
  Query keep(PriorTable t, long batchId, TableLike<?> from, Condition which) {
    List<Field<?>> into = new ArrayList<>();
    List<SelectField<?>> now = new ArrayList<>();
    into.add(t.priorBatch());
    now.add(inline(batchId));
    t.keys().forEach(c -> into.add(c.kept()));
    t.keys().forEach(c -> now.add(c.current()));
    if (t.existed() != null) {
      into.add(t.existed());
      now.add(inline(true));
    }
    t.values().forEach(c -> into.add(c.kept()));
    t.values().forEach(c -> now.add(c.current()));
    into.add(t.replacedBatch());
    now.add(t.batch());
    return db.insertInto(t.prior()).columns(into).select(select(now).from(from).where(which));
  }

  /**
   * Keeps for undo the rows of {@code t} that {@code which} selects, unless the batch wrote or kept
   * them already.
   */
  Query keepUnlessWritten(PriorTable t, long batchId, Condition which) {
    return keep(t, batchId, t.table(), which.and(t.batch().ne(batchId)).and(notKept(t, batchId)));
  }

  /** The row of {@code t} is not kept by the batch yet: the first value it replaced is kept. */
  static Condition notKept(PriorTable t, long batchId) {
    return notExists(
        selectOne().from(t.prior()).where(t.priorBatch().eq(batchId)).and(t.sameKey()));
  }

  /**
   * Save prior, then merge: keeps the rows of {@code t} that the rows of {@code staged} replace
   * (unless the batch wrote them), then merges {@code staged} into {@code t} by key under the
   * batch. Each column of {@code t} takes the expression {@code given} holds for it, else the
   * column of {@code staged} with its name.
   */
  void keepAndMerge(PriorTable t, long batchId, Table<?> staged, Map<Field<?>, Field<?>> given) {
    Map<Field<?>, Field<?>> keys = new LinkedHashMap<>();
    Map<Field<?>, Field<?>> values = new LinkedHashMap<>();
    t.keys().forEach(c -> keys.put(c.current(), staged(c.current(), staged, given)));
    t.values().forEach(c -> values.put(c.current(), staged(c.current(), staged, given)));
    values.put(t.batch(), inline(batchId));
    Condition sameKey =
        org.jooq.impl.DSL.and(
            keys.entrySet().stream().map(e -> Column.same(e.getKey(), e.getValue())).toList());
    long start = System.nanoTime();
    int kept =
        keep(
                t,
                batchId,
                staged.join(t.table()).on(sameKey),
                t.batch().isDistinctFrom(inline(batchId)).and(notKept(t, batchId)))
            .execute();
    long keptAt = System.nanoTime();
    Map<Field<?>, Field<?>> insert = new LinkedHashMap<>(keys);
    insert.putAll(values);
    db.mergeInto(t.table())
        .using(staged)
        .on(sameKey)
        .whenMatchedThenUpdate()
        .set(values)
        .whenNotMatchedThenInsert(insert.keySet())
        .values(insert.values())
        .execute();
    LOG.debug(
        "batch {}: {} prior rows of {} kept in {} ms, merged in {} ms",
        batchId,
        kept,
        t.table().getName(),
        (keptAt - start) / 1_000_000,
        (System.nanoTime() - keptAt) / 1_000_000);
  }

  private static Field<?> staged(Field<?> column, Table<?> staged, Map<Field<?>, Field<?>> given) {
    Field<?> value = given.get(column);
    return value != null
        ? value
        : Objects.requireNonNull(staged.field(column.getName()), column.getName() + " not staged");
  }

  /** Restore prior, in place: rows the batch created go, rows it replaced get their values back. */
  void restore(PriorTable t, long batchId) {
    deleteCreated(t, batchId);
    restore(t, batchId, t.values(), replaced(t, batchId));
  }

  /** Rows the batch wrote that it did not find (no kept row that existed) go. */
  void deleteCreated(PriorTable t, long batchId) {
    db.deleteFrom(t.table())
        .where(t.batch().eq(batchId))
        .andNotExists(
            selectOne()
                .from(t.prior())
                .where(t.sameKey(), t.priorBatch().eq(batchId), t.existed().isTrue()))
        .execute();
  }

  /** The row of {@code t} is one the batch replaced (its prior row existed). */
  static Condition replaced(PriorTable t, long batchId) {
    return exists(
        selectOne()
            .from(t.prior())
            .where(t.sameKey(), t.priorBatch().eq(batchId), t.existed().isTrue()));
  }

  /**
   * Rows the batch wrote that {@code which} selects get back the kept {@code columns} and the batch
   * that wrote them before.
   */
  void restore(PriorTable t, long batchId, List<Column> columns, Condition which) {
    List<Field<?>> current = new ArrayList<>();
    List<Field<?>> kept = new ArrayList<>();
    columns.forEach(c -> current.add(c.current()));
    columns.forEach(c -> kept.add(c.kept()));
    current.add(t.batch());
    kept.add(t.replacedBatch());
    db.update(t.table())
        .set(
            row(current),
            select(kept).from(t.prior()).where(t.sameKey(), t.priorBatch().eq(batchId)))
        .where(t.batch().eq(batchId))
        .and(which)
        .execute();
  }

  /** Restore prior, by insert: the rows the batch kept come back as they were (ids included). */
  void reinsert(PriorTable t, long batchId) {
    List<Field<?>> into = new ArrayList<>();
    List<Field<?>> kept = new ArrayList<>();
    for (List<Column> part : List.of(t.keys(), t.values())) {
      part.forEach(c -> into.add(c.current()));
      part.forEach(c -> kept.add(c.kept()));
    }
    into.add(t.batch());
    kept.add(t.replacedBatch());
    db.insertInto(t.table())
        .columns(into)
        .select(select(kept).from(t.prior()).where(t.priorBatch().eq(batchId)))
        .execute();
  }

  /** Drops what the batch kept: it can no longer restore it. */
  void forget(PriorTable t, long batchId) {
    db.deleteFrom(t.prior()).where(t.priorBatch().eq(batchId)).execute();
  }
}
