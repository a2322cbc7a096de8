package db.migration;

import dev.tandem.rollup.RollupRepository;
import java.time.LocalDate;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Builds the whole rollup (per team and per scope, agent users included: V20) of a database that
 * already holds data, once, with the definition that maintains it ({@link RollupRepository}); on an
 * empty database it does nothing. The only migration that runs that definition: a change to the
 * rollup's tables adds a migration like this one after it (and makes this one a no-op).
 */
public class V21__Rebuild_rollup_with_agent_users extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    RollupRepository.on(
            DSL.using(
                context.getConnection(),
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER)))
        .rebuild(LocalDate.now().plusWeeks(104));
  }
}
