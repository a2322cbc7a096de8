package dev.tandem.ingest;

import dev.tandem.roster.RosterService;

/**
 * A checker whose rows change the roster or the identity map: applying saves what it replaced (for
 * undo) and then releases the held rows that now resolve.
 */
abstract class RosterRowsChecker implements RowChecker {

  final RosterService roster;
  final RosterPriorRepository rosterPrior;
  private final HeldRows held;

  RosterRowsChecker(RosterService roster, RosterPriorRepository rosterPrior, HeldRows held) {
    this.roster = roster;
    this.rosterPrior = rosterPrior;
    this.held = held;
  }

  /** Held rows whose identity the applied rows resolve are applied under their own batches. */
  void releaseHeld() {
    held.applyAll();
  }
}
