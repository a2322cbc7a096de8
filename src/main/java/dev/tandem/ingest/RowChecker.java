package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules of one kind of row after parsing: checks across the file's rows (repeats, references to
 * teams and roster emails), what a dry run reports, and the final transaction's writes. The
 * pipeline picks the checker by the format's {@link RowKind} and only orchestrates.
 */
interface RowChecker {

  /** The row kinds this checker handles. */
  Set<RowKind> kinds();

  /** The words naming a repeated key of a streamed row ("identity, tool and day"). */
  default String duplicateWhat(RowKind kind) {
    return "identity, tool and day";
  }

  /** Where streamed chunks of rows go while the file is read (only staged kinds get any). */
  default Consumer<List<ParsedRow>> stager(ImportRun run) {
    return chunk -> {};
  }

  /** Whether the kind's rows pass through the stage (which is cleared after the import). */
  default boolean staged() {
    return false;
  }

  /** Checks across the rows read (none fatal): rejects into {@code run.rows}, sets the kept. */
  void check(ImportRun run);

  /** After the checks, before anything is written (a dry run too): warnings about the effects. */
  default void warn(ImportRun run) {}

  /** How many of the rows a dry run would hold as unmatched. */
  default long unmatchedInDryRun(ImportRun run) {
    return 0;
  }

  /** The final transaction's writes; returns how many rows were held as unmatched. */
  long apply(ImportRun run);

  /** The checker of each row kind; every kind has exactly one. */
  static Map<RowKind, RowChecker> byKind(List<RowChecker> checkers) {
    Map<RowKind, RowChecker> byKind = new EnumMap<>(RowKind.class);
    for (RowChecker checker : checkers) {
      for (RowKind kind : checker.kinds()) {
        if (byKind.put(kind, checker) != null) {
          throw new IllegalStateException("two row checkers for " + kind);
        }
      }
    }
    for (RowKind kind : RowKind.values()) {
      if (!byKind.containsKey(kind)) {
        throw new IllegalStateException("no row checker for " + kind);
      }
    }
    return byKind;
  }
}
