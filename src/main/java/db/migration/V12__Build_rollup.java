package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Once built the rollup of an existing database. Now a no-op: the rollup's definition runs with the
 * code of today, which needs the columns of later migrations, so {@link
 * V25__Rebuild_rollup_with_changes_outside_headcount} builds the whole rollup after the last of
 * them. Databases that ran this migration already are unaffected.
 */
public class V12__Build_rollup extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    // superseded by V25
  }
}
