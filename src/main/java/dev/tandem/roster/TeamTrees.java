package dev.tandem.roster;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Holds the team tree for the current transaction, so that one request reads the teams once;
 * outside a transaction every call reads them. Writes of the roster call {@link #forget}.
 */
@Component
class TeamTrees {

  /** The key the tree is bound under. */
  private final Object key = new Object();

  TeamTree current(Supplier<List<Team>> read) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return TeamTree.of(read.get());
    }
    TeamTree held = (TeamTree) TransactionSynchronizationManager.getResource(key);
    if (held != null) {
      return held;
    }
    TeamTree tree = TeamTree.of(read.get());
    TransactionSynchronizationManager.bindResource(key, tree);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
          }
        });
    return tree;
  }

  /** Drops the tree of the current transaction after a write of the teams. */
  void forget() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.unbindResourceIfPossible(key);
    }
  }
}
