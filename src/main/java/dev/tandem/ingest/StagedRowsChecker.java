package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowKind;
import dev.tandem.rollup.RollupService;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Usage and change rows: staged in committed chunks while the file streams (each key once, checked
 * on the way), then repeats through the identity map rejected, the unmatched held and the rest
 * merged, with the weeks they touch rolled up again.
 */
@Component
class StagedRowsChecker implements RowChecker {

  private static final Logger LOG = LoggerFactory.getLogger(StagedRowsChecker.class);

  private final StagingRepository staging;
  private final StagedMerge merge;
  private final RollupService rollup;
  private final TransactionTemplate tx;

  StagedRowsChecker(
      StagingRepository staging, StagedMerge merge, RollupService rollup, TransactionTemplate tx) {
    this.staging = staging;
    this.merge = merge;
    this.rollup = rollup;
    this.tx = tx;
  }

  @Override
  public Set<RowKind> kinds() {
    return Set.of(RowKind.USAGE_DAY, RowKind.USAGE_WEEK, RowKind.CHANGES);
  }

  @Override
  public String duplicateWhat(RowKind kind) {
    return kind == RowKind.CHANGES
        ? "email, week and tool"
        : kind == RowKind.USAGE_WEEK ? "email, tool and week" : "identity, tool and day";
  }

  @Override
  public boolean staged() {
    return true;
  }

  /** Stages each chunk in a transaction of its own, counting the rows no identity resolves. */
  @Override
  public Consumer<List<ParsedRow>> stager(ImportRun run) {
    StagingRepository.Identities known = staging.identities(run.identitySource);
    StagingRepository.Identities developers =
        (identity, email) -> {
          Long developer = known.developerOf(identity, email);
          if (developer == null) {
            run.unresolved++;
          }
          return developer;
        };
    return chunk ->
        staging.whileStaging(
            () -> tx.executeWithoutResult(s -> staging.stage(run.batchId, chunk, developers)));
  }

  /**
   * Weekly lines whose different identities resolve to the same developer, tool and week as an
   * earlier line are rejected like any repeated key; their staged rows go (skip-invalid applies the
   * first line only).
   */
  @Override
  public void check(ImportRun run) {
    RowKind kind = run.parser.kind();
    if (kind != RowKind.USAGE_WEEK && kind != RowKind.CHANGES) {
      return;
    }
    List<StagingRepository.ResolvedRepeat> repeats =
        staging.repeatsAfterResolution(run.batchId, run.identitySource);
    if (repeats.isEmpty()) {
      return;
    }
    String what = kind == RowKind.CHANGES ? "week and tool" : "tool and week";
    for (StagingRepository.ResolvedRepeat r : repeats) {
      run.rows.reject(
          r.line(),
          "key",
          "'"
              + r.externalId()
              + "' is the same developer as line "
              + r.firstLine()
              + " (through the identity map), with the same "
              + what
              + "; each may appear once in a file");
    }
    tx.executeWithoutResult(
        s ->
            staging.deleteLines(
                run.batchId,
                repeats.stream().map(StagingRepository.ResolvedRepeat::line).toList()));
  }

  @Override
  public long unmatchedInDryRun(ImportRun run) {
    return run.unresolved;
  }

  @Override
  public long apply(ImportRun run) {
    long started = System.nanoTime();
    long unmatched =
        run.unresolved > 0 ? staging.holdUnmatched(run.batchId, run.identitySource) : 0;
    long heldAt = System.nanoTime();
    merge.merge(run.batchId, run.parser, run.identitySource);
    long mergedAt = System.nanoTime();
    WeekSpan weeks = run.rows.weeks();
    // Every base row of the batch is written (still uncommitted): recompute its weeks.
    rollup.refresh(weeks == null ? null : weeks.toRollup());
    LOG.info(
        "import batch {}: unmatched held in {} ms, rows merged in {} ms, rollup in {} ms",
        run.batchId,
        (heldAt - started) / 1_000_000,
        (mergedAt - heldAt) / 1_000_000,
        (System.nanoTime() - mergedAt) / 1_000_000);
    return unmatched;
  }
}
