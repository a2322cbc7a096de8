package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Once built the whole rollup with agent users (V20). It ran today's definition, which now writes a
 * column that does not exist yet at this version (V24), so on a database that holds developers it
 * only marks the rollup as due for a rebuild (a row in {@code setting}, kept if the upgrade stops
 * before V25): {@link V25__Rebuild_rollup_with_changes_outside_headcount} rebuilds it, once, with
 * today's definition. Databases that ran this migration already are unaffected.
 */
public class V21__Rebuild_rollup_with_agent_users extends BaseJavaMigration {

  /** The {@code setting} row that says the rollup predates agent users and must be rebuilt. */
  public static final String REBUILD_DUE = "rollup-rebuild-due";

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement s = context.getConnection().createStatement()) {
      s.executeUpdate(
          "INSERT INTO setting (setting_key, setting_value) SELECT '"
              + REBUILD_DUE
              + "', 'V21' FROM (VALUES (1)) x WHERE EXISTS (SELECT 1 FROM developer)");
    }
  }
}
