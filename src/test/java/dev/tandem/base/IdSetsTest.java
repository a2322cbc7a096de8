package dev.tandem.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class IdSetsTest {

  private final Field<Long> teamId = DSL.field(DSL.name("team_id"), Long.class);

  @Test
  void the_ids_are_written_as_literals_so_the_database_can_look_them_up_by_index() {
    String sql =
        DSL.using(SQLDialect.H2).renderInlined(IdSets.in(teamId, List.of(7L, 42L, 1_000_001L)));
    String bound = DSL.using(SQLDialect.H2).render(IdSets.in(teamId, List.of(7L, 42L)));

    assertThat(sql).isEqualTo("\"team_id\" in (7, 42, 1000001)");
    assertThat(bound).as("no bind parameter is left").doesNotContain("?");
  }

  @Test
  void no_ids_match_no_row() {
    assertThat(DSL.using(SQLDialect.H2).render(IdSets.in(teamId, List.of()))).isEqualTo("false");
  }
}
