package db.migration;

import dev.tandem.rollup.RollupRepository;
import java.time.LocalDate;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Builds the rollup of a database that already holds data (an upgrade), once, with the same
 * definition that maintains it ({@link RollupRepository}); on an empty database it does nothing.
 */
public class V12__Build_rollup extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    RollupRepository.perTeamOnly(
            DSL.using(
                context.getConnection(),
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)))
        .rebuild(LocalDate.now().plusWeeks(104));
  }
}
