package dev.tandem.ingest;

import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A table an import writes ({@code table}, whose {@code batch} column names the batch that wrote a
 * row) and its {@code import_prior_*} table ({@code prior}), which keeps per batch ({@code
 * priorBatch}) the rows the batch replaced, with the batch that had written them ({@code
 * replacedBatch}), so that undo can restore them.
 *
 * @param existed the prior table's flag for a kept row (false: the batch created the row); null
 *     when the prior table holds replaced rows only
 * @param keys the columns that identify a row, in both tables
 * @param values the columns an import replaces, in both tables
 */
record PriorTable(
    Table<?> table,
    Field<Long> batch,
    Table<?> prior,
    Field<Long> priorBatch,
    Field<Long> replacedBatch,
    Field<Boolean> existed,
    List<Column> keys,
    List<Column> values) {

  /** One column of the written table and its copy in the prior table. */
  record Column(Field<?> current, Field<?> kept) {

    /** The column of {@code table} and of {@code prior} hold the same value. */
    Condition same() {
      return same(current, kept);
    }

    @SuppressWarnings("unchecked")
    static Condition same(Field<?> a, Field<?> b) {
      return ((Field<Object>) a).eq((Field<Object>) b);
    }
  }

  /** A row of {@code table} and one of {@code prior} have the same key. */
  Condition sameKey() {
    return DSL.and(keys.stream().map(Column::same).toList());
  }
}
