package dev.tandem.roster;

import dev.tandem.base.PerTransaction;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Holds the team tree for the current transaction, so that one request reads the teams once;
 * outside a transaction every call reads them. Writes of the roster call {@link #forget}.
 */
@Component
class TeamTrees {

  private final PerTransaction<TeamTree> tree = new PerTransaction<>();

  TeamTree current(Supplier<List<Team>> read) {
    return tree.get(() -> TeamTree.of(read.get()));
  }

  /** Drops the tree of the current transaction after a write of the teams. */
  void forget() {
    tree.forget();
  }
}
