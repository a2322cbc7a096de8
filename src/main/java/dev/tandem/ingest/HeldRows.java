package dev.tandem.ingest;

import dev.tandem.ingest.format.Formats;
import dev.tandem.ingest.format.RowKind;
import dev.tandem.rollup.RollupService;
import org.springframework.stereotype.Component;

/**
 * Rows held for identities not on the roster: once the roster or the identity map knows the
 * identity, they are applied under the batch that brought them (so undoing it removes them too).
 */
@Component
class HeldRows {

  private final StagingRepository staging;
  private final BatchRepository batches;
  private final RollupService rollup;

  HeldRows(StagingRepository staging, BatchRepository batches, RollupService rollup) {
    this.rollup = rollup;
    this.staging = staging;
    this.batches = batches;
  }

  /** Applies every held row that now resolves; returns how many. */
  int applyAll() {
    int total = 0;
    for (var h : staging.batchesWithResolvableHeldRows()) {
      ImportBatch batch = batches.find(h.batchId()).orElseThrow();
      RowKind kind = Formats.byKey(batch.format()).orElseThrow().kind();
      staging.stageHeld(batch.id());
      staging.resolve(batch.id(), h.source());
      int applied = staging.releaseResolvedHeld(batch.id());
      switch (kind) {
        case USAGE_DAY -> staging.applyUsageDays(batch.id(), batch.format());
        case USAGE_WEEK -> staging.applyUsageWeeks(batch.id(), batch.format());
        case CHANGES -> staging.applyChanges(batch.id());
        default -> throw new IllegalStateException(batch.format() + " does not hold rows");
      }
      rollup.refresh(staging.weekSpan(batch.id()));
      staging.clear(batch.id());
      batches.moveUnmatchedToApplied(batch.id(), applied);
      total += applied;
    }
    return total;
  }
}
