package dev.tandem.base;

import java.util.List;

/**
 * Problems with the sources that collect data by themselves (a failing or stale connector), for the
 * Data screen to show without depending on the feature that knows them.
 */
public interface DataSourceAlerts {

  /** One sentence per problem; empty when every source is well. */
  List<String> alerts();
}
