package db.migration;

import dev.tandem.rollup.RollupRepository;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Brings the rollup of a database that already holds data to today's definition, now that the tool
 * tables hold the changes left out of exposure (V24). A database coming from before V21 (marked by
 * V21) has its whole rollup built, once, with the definition that maintains it ({@link
 * RollupRepository#rebuild}: agent users, changes counted in headcount only, changes left out); any
 * other has its changes corrected in place ({@link
 * RollupRepository#takeOutChangesOutsideHeadcount}: the new column filled and, coming from V21 or
 * V22, the changes outside headcount taken out of exposure, as V23 did; seconds, where a rebuild
 * takes minutes at 20,000 developers). On an empty database it does nothing. Like V21 before it,
 * this migration runs today's code: a later change to the rollup's tables makes it a no-op and adds
 * one like it (V39 now does the rebuild).
 */
public class V25__Rebuild_rollup_with_changes_outside_headcount extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    DSLContext db =
        DSL.using(
            context.getConnection(), new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));
    var due =
        DSL.field(DSL.name("setting_key"), String.class)
            .eq(V21__Rebuild_rollup_with_agent_users.REBUILD_DUE);
    if (db.fetchExists(DSL.table(DSL.name("setting")), due)) {
      // The rebuild is left to V39: today's rebuild also writes the monthly table V38 creates.
      return;
    } else {
      RollupRepository.on(db).takeOutChangesOutsideHeadcount();
    }
  }
}
