package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Once filled the subtree totals (V16) of an existing database. Now a no-op, for the reason given
 * on {@link V12__Build_rollup}: {@link V25__Rebuild_rollup_with_changes_outside_headcount} builds
 * them.
 */
public class V17__Build_rollup_scopes extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    // superseded by V25
  }
}
