package dev.tandem.ingest;

import java.time.Clock;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Undo data does not grow forever: it is kept for the newest {@code tandem.import.undo-batches}
 * applied batches (default 20) that are also younger than {@code tandem.import.undo-days} (default
 * 90); older batches lose it in the background, one transaction per batch, and say so.
 */
@Component
class UndoRetention {

  private static final Logger LOG = LoggerFactory.getLogger(UndoRetention.class);

  private final UndoRepository undo;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final ImportProperties properties;

  UndoRetention(
      UndoRepository undo, TransactionTemplate tx, Clock clock, ImportProperties properties) {
    this.undo = undo;
    this.tx = tx;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(
      initialDelayString = "${tandem.import.undo-prune-delay:PT1M}",
      fixedDelayString = "${tandem.import.undo-prune-interval:PT1H}")
  void scheduled() {
    prune();
  }

  /** Prunes every batch that is due; returns how many. */
  int prune() {
    var now = clock.instant().atOffset(ZoneOffset.UTC);
    var due = undo.prunable(properties.undoBatches(), properties.undoDays(), now);
    for (var p : due) {
      tx.executeWithoutResult(s -> undo.prune(p.batchId(), p.reason(), now));
    }
    if (!due.isEmpty()) {
      LOG.info("removed the undo data of {} import batches", due.size());
    }
    return due.size();
  }
}
