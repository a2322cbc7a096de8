package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Once took the changes of developers out of headcount out of an existing rollup's change exposure,
 * in place. A no-op since the rollup's tables changed again (V24): {@link
 * V25__Rebuild_rollup_with_changes_outside_headcount} makes the same correction (or, coming from
 * before V21, rebuilds the rollup) and fills the new column in the same pass.
 */
public class V23__Count_changes_in_headcount_only extends BaseJavaMigration {

  @Override
  public void migrate(Context context) {
    // Superseded by V25.
  }
}
