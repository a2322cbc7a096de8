package dev.tandem.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.ingest.PriorTable.Column;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.junit.jupiter.api.Test;

/** Undo restores what an import replaced: each prior table's description covers the table. */
class PriorTablesQueryTest {

  static final List<PriorTable> ALL =
      List.of(
          PriorTablesQuery.USAGE_DAY_PRIOR,
          PriorTablesQuery.USAGE_WEEK_PRIOR,
          PriorTablesQuery.CHANGE_COUNT_PRIOR,
          PriorTablesQuery.INCIDENT_PRIOR,
          PriorTablesQuery.SEAT_PRIOR);

  @Test
  void every_column_of_a_prior_table_is_described_so_none_is_left_unrestored() {
    for (PriorTable t : ALL) {
      List<Field<?>> described = new ArrayList<>(List.of(t.priorBatch(), t.replacedBatch()));
      if (t.existed() != null) {
        described.add(t.existed());
      }
      t.keys().forEach(c -> described.add(c.kept()));
      t.values().forEach(c -> described.add(c.kept()));
      assertThat(described).as(t.prior().getName()).containsExactlyInAnyOrder(t.prior().fields());
    }
  }

  @Test
  void a_kept_column_belongs_to_its_tables_and_has_the_type_of_the_column_it_keeps() {
    for (PriorTable t : ALL) {
      assertThat(t.table().fields()).as(t.table().getName()).contains(t.batch());
      for (List<Column> columns : List.of(t.keys(), t.values())) {
        for (Column c : columns) {
          assertThat(t.table().fields()).contains(c.current());
          assertThat(t.prior().fields()).contains(c.kept());
          assertThat(c.kept().getDataType().getSQLDataType().getTypeName())
              .as(c.kept().getName())
              .isEqualTo(c.current().getDataType().getSQLDataType().getTypeName());
        }
      }
    }
  }

  @Test
  void pagerduty_restores_only_the_fields_the_vendor_writes() {
    assertThat(PriorTablesQuery.INCIDENT_VENDOR_FIELDS)
        .extracting(c -> c.current().getName())
        .containsExactly("title", "severity", "status", "started_at", "resolved_at", "service");
    assertThat(PriorTablesQuery.INCIDENT_PRIOR.values())
        .containsAll(PriorTablesQuery.INCIDENT_VENDOR_FIELDS);
  }
}
