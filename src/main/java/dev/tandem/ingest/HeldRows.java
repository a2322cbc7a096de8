package dev.tandem.ingest;

import dev.tandem.ingest.format.Formats;
import dev.tandem.rollup.RollupService;
import org.springframework.stereotype.Component;

/**
 * Rows held for identities not on the roster: once the roster or the identity map knows the
 * identity, they are applied under the batch that brought them (so undoing it removes them too).
 */
@Component
class HeldRows {

  private final StagingRepository staging;
  private final UnmatchedRowRepository held;
  private final BatchRepository batches;
  private final RollupService rollup;
  private final HeldSeatRepository heldSeats;
  private final StagedMerge merge;

  HeldRows(
      StagingRepository staging,
      UnmatchedRowRepository held,
      BatchRepository batches,
      RollupService rollup,
      HeldSeatRepository heldSeats,
      StagedMerge merge) {
    this.staging = staging;
    this.held = held;
    this.batches = batches;
    this.rollup = rollup;
    this.heldSeats = heldSeats;
    this.merge = merge;
  }

  /**
   * Applies every held row that now resolves (inside the caller's transaction); returns how many.
   */
  int applyAll() {
    int[] total = {0};
    // Held rows pass through the stage: no truncate of the stage while they are there.
    staging.whileStaging(() -> total[0] = applyAllStaged());
    // Held seats need no stage: they get their developer in place.
    for (var e : heldSeats.resolveHeld().entrySet()) {
      batches.moveUnmatchedToApplied(e.getKey(), e.getValue());
      total[0] += e.getValue();
    }
    return total[0];
  }

  private int applyAllStaged() {
    int total = 0;
    WeekSpan weeks = null;
    for (var h : held.batchesWithResolvableHeldRows()) {
      ImportBatch batch = batches.find(h.batchId()).orElseThrow();
      var parser = Formats.byKey(batch.format()).orElseThrow();
      held.stageHeld(batch.id());
      staging.refreshStatistics(); // a whole file may have been held: see refreshStatistics
      int applied = held.releaseResolvedHeld(batch.id(), h.source());
      WeekSpan span = staging.stagedWeeks(batch.id());
      weeks = weeks == null ? span : weeks.union(span);
      merge.merge(batch.id(), parser, h.source());
      staging.clear(batch.id());
      batches.moveUnmatchedToApplied(batch.id(), applied);
      total += applied;
    }
    // The base rows of every resolved batch are written: recompute the weeks they touch.
    rollup.refresh(weeks == null ? null : weeks.toRollup());
    return total;
  }
}
