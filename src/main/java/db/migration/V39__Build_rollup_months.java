package db.migration;

import dev.tandem.rollup.RollupRepository;
import java.time.LocalDate;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Fills the monthly rollup (V38) of a database that already holds data. A database coming from
 * before V21 (its rebuild still due: V25 leaves that to this migration now, since today's rebuild
 * writes the monthly table too) has its whole rollup built, once; any other has only its months
 * built. On an empty database it does nothing. Like V25 before it, this migration runs today's
 * code: a later change to the rollup's tables makes it a no-op and adds one like it.
 */
public class V39__Build_rollup_months extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    DSLContext db =
        DSL.using(
            context.getConnection(), new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
    LocalDate horizon = LocalDate.now().plusWeeks(104);
    var due =
        DSL.field(DSL.name("setting_key"), String.class)
            .eq(V21__Rebuild_rollup_with_agent_users.REBUILD_DUE);
    if (db.fetchExists(DSL.table(DSL.name("setting")), due)) {
      RollupRepository.on(db).rebuild(horizon);
      db.deleteFrom(DSL.table(DSL.name("setting"))).where(due).execute();
    } else {
      RollupRepository.on(db).rebuildMonths(horizon);
    }
  }
}
