package dev.tandem.ingest;

import dev.tandem.base.ValidationException;
import dev.tandem.ingest.format.FormatParser;
import dev.tandem.ingest.format.Formats;
import dev.tandem.ingest.format.RowKind;
import dev.tandem.rollup.RollupService;
import dev.tandem.roster.RosterService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Puts back what a batch replaced, by the kind of rows it imported: the roster and identity map as
 * they were, the seats, the incidents, or the usage and changes (and the rollup of their weeks).
 * Refuses while a later batch replaced the same rows. {@link ImportService#undo} locks the batch,
 * checks it is undoable and records the undo, in its transaction.
 */
@Component
class BatchRestore {

  private final UndoRepository undo;
  private final RosterPriorRepository rosterPrior;
  private final SeatImportRepository seats;
  private final RosterService roster;
  private final RollupService rollup;

  BatchRestore(
      UndoRepository undo,
      RosterPriorRepository rosterPrior,
      SeatImportRepository seats,
      RosterService roster,
      RollupService rollup) {
    this.undo = undo;
    this.rosterPrior = rosterPrior;
    this.seats = seats;
    this.roster = roster;
    this.rollup = rollup;
  }

  /** Restores what {@code batch} replaced; a {@link ValidationException} while later ones did. */
  void restore(ImportBatch batch) {
    RowKind kind = Formats.byKey(batch.format()).map(FormatParser::kind).orElseThrow();
    long batchId = batch.id();
    switch (kind) {
      case ROSTER -> roster.undoRosterImport(rosterPrior.roster(batchId));
      case IDENTITY -> roster.mapIdentities(rosterPrior.identities(batchId));
      case SEAT -> {
        refuseWhileLater(seats.laterBatches(batchId), "seats", batchId);
        seats.undo(batchId);
      }
      default -> {
        String dailySource = kind == RowKind.USAGE_DAY ? batch.format() : null;
        List<Long> later = new java.util.ArrayList<>(undo.laterBatches(batchId, dailySource));
        // Seats a daily source's tiers made (Kiro, Claude Code) go back with their batch.
        seats.laterBatches(batchId).stream().filter(b -> !later.contains(b)).forEach(later::add);
        refuseWhileLater(later, "rows", batchId);
        if (kind == RowKind.INCIDENT) {
          undo.restoreIncidents(batchId, "pagerduty-incidents-json".equals(batch.format()));
        } else {
          WeekSpan weeks = undo.weeksOf(batchId);
          undo.restoreUsageAndChanges(batchId, dailySource);
          seats.undo(batchId);
          rollup.refresh(weeks == null ? null : weeks.toRollup());
        }
      }
    }
  }

  /** A batch whose rows later batches replaced again is undone after them, never before. */
  private static void refuseWhileLater(List<Long> later, String replaced, long batchId) {
    if (!later.isEmpty()) {
      throw ValidationException.of(
          "batchId",
          "later imports "
              + later
              + " replaced "
              + replaced
              + " of batch "
              + batchId
              + "; undo them first");
    }
  }
}
