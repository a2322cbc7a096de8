package db.migration;

import dev.tandem.rollup.RollupRepository;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Fills the subtree totals (V16) of a database that already holds a rollup, once, from its per-team
 * tables with the same code that maintains them; on an empty database it does nothing.
 */
public class V17__Build_rollup_scopes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    RollupRepository.on(
            DSL.using(
                context.getConnection(),
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)))
        .rebuildScopes();
  }
}
