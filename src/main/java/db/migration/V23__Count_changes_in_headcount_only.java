package db.migration;

import dev.tandem.rollup.RollupRepository;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Change exposure now counts only changes of developers in headcount that week (DESIGN §3.3, as
 * developer-weeks do): takes the other changes out of the rollup rows that hold them ({@link
 * RollupRepository#takeOutChangesOutsideHeadcount}), a pass over the changes and a few updates, not
 * a rebuild. It only sets figures to what today's definition gives, so on a database coming from
 * before V21, whose rollup V21 has just built with today's definition, it writes nothing (the
 * definition does not run twice); on an empty database it does nothing. Like V21 it runs today's
 * code, so a later change to the rollup's tables makes this one a no-op as well.
 */
public class V23__Count_changes_in_headcount_only extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    RollupRepository.on(
            DSL.using(
                context.getConnection(),
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)))
        .takeOutChangesOutsideHeadcount();
  }
}
