package dev.tandem.ingest;

import dev.tandem.ingest.format.ImportError;
import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.ingest.format.RowSink;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Receives a parser's output: stages usage and change rows in JDBC batches as they stream in (each
 * chunk committed on its own: the stage is private to the import), rejects a line repeating an
 * earlier key, keeps the (small) incident, roster and identity rows, the first rows for a preview,
 * the range of weeks and every error. An error before the first record, or about the file itself,
 * is fatal: nothing applies.
 */
final class RowCollector implements RowSink {

  static final int PREVIEW_ROWS = 20;
  static final int MAX_ERRORS = 1000;
  private static final int STAGE_BATCH = 10_000;

  private final java.util.function.Consumer<List<ParsedRow>> stage;
  private final List<ParsedRow> buffer = new ArrayList<>();
  private final List<ParsedRow> kept = new ArrayList<>();
  private final List<Map<String, Object>> preview = new ArrayList<>();
  private final List<ImportError> errors = new ArrayList<>();
  private final List<ImportError> warnings = new ArrayList<>();
  private final List<ImportError> duplicates = new ArrayList<>();
  private final DuplicateKeys keys = new DuplicateKeys();
  private final java.util.function.LongConsumer progress;
  private final String duplicateWhat;
  private java.time.LocalDate firstWeek;
  private java.time.LocalDate lastWeek;
  private long errorCount;
  private long rowsRead;
  private long validRows;
  private long rejected;
  private long lastRejectedLine = -1;
  private boolean fatal;

  RowCollector(
      java.util.function.Consumer<List<ParsedRow>> stage,
      String duplicateWhat,
      java.util.function.LongConsumer progress) {
    this.stage = stage;
    this.duplicateWhat = duplicateWhat;
    this.progress = progress;
  }

  @Override
  public void row(ParsedRow row) {
    validRows++;
    if (preview.size() < PREVIEW_ROWS) {
      preview.add(asMap((Record) row));
    }
    if (row instanceof ParsedRow.Usage || row instanceof ParsedRow.Change) {
      long first = keys.firstLineOf(row);
      if (first >= 0) {
        rejected++;
        validRows--;
        errorCount++;
        if (duplicates.size() < MAX_ERRORS) {
          duplicates.add(
              new ImportError(
                  row.line(),
                  "key",
                  "repeats line "
                      + first
                      + " (same "
                      + duplicateWhat
                      + "); each may appear once in a file"));
        }
        return;
      }
      java.time.LocalDate week =
          row instanceof ParsedRow.Usage u ? u.weekStart() : ((ParsedRow.Change) row).weekStart();
      if (firstWeek == null || week.isBefore(firstWeek)) {
        firstWeek = week;
      }
      if (lastWeek == null || week.isAfter(lastWeek)) {
        lastWeek = week;
      }
      buffer.add(row);
      if (buffer.size() >= STAGE_BATCH) {
        flush();
      }
    } else {
      kept.add(row);
    }
  }

  @Override
  public void recordRead() {
    rowsRead++;
    if ((rowsRead & 1023) == 0) {
      progress.accept(rowsRead);
    }
  }

  @Override
  public void error(long line, String field, String message) {
    if (rowsRead == 0 || "file".equals(field)) {
      fatal = true;
    } else if (line != lastRejectedLine) {
      rejected++;
      lastRejectedLine = line;
    }
    add(new ImportError(line, field, message));
  }

  @Override
  public void warning(long line, String field, String message) {
    if (warnings.size() < MAX_ERRORS) {
      warnings.add(new ImportError(line, field, message));
    }
  }

  List<ImportError> warnings() {
    return List.copyOf(warnings);
  }

  /** A problem found after parsing, with a row that passed parsing (one per line). */
  void reject(long line, String field, String message) {
    rejected++;
    validRows--;
    add(new ImportError(line, field, message));
  }

  private void add(ImportError error) {
    errorCount++;
    if (errors.size() < MAX_ERRORS) {
      errors.add(error);
    }
  }

  void flush() {
    if (!buffer.isEmpty()) {
      stage.accept(buffer);
      buffer.clear();
    }
  }

  /** After the last record: stages what is buffered; repeated keys are reported after the rest. */
  void finish() {
    flush();
    progress.accept(rowsRead);
    for (ImportError d : duplicates) {
      if (errors.size() < MAX_ERRORS) {
        errors.add(d);
      }
    }
    duplicates.clear();
  }

  /** The weeks the staged rows fall in (null when none): what a rollup refresh needs. */
  WeekSpan weeks() {
    return firstWeek == null ? null : new WeekSpan(firstWeek, lastWeek);
  }

  boolean fatal() {
    return fatal;
  }

  boolean hasErrors() {
    return errorCount > 0;
  }

  long rowsRead() {
    return rowsRead;
  }

  long validRows() {
    return validRows;
  }

  long rejected() {
    return fatal ? rowsRead : rejected;
  }

  List<ParsedRow> kept() {
    return kept;
  }

  List<Map<String, Object>> preview() {
    return preview;
  }

  List<ImportError> errors() {
    if (errorCount > errors.size()) {
      List<ImportError> all = new ArrayList<>(errors);
      all.add(
          new ImportError(0, "file", (errorCount - errors.size()) + " more errors are not listed"));
      return all;
    }
    return List.copyOf(errors);
  }

  private static Map<String, Object> asMap(Record row) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (RecordComponent c : row.getClass().getRecordComponents()) {
      try {
        Object value = c.getAccessor().invoke(row);
        if (value instanceof ParsedRow.Spend || value instanceof ParsedRow.Acceptance) {
          // Flat, like every other preview value: only what the row has.
          map.putAll(asMap((Record) value));
        } else if (value != null && !"".equals(value) && !"vendorOwnedOnly".equals(c.getName())) {
          map.put(
              c.getName(),
              value instanceof List<?> l
                  ? String.join("/", l.stream().map(String::valueOf).toList())
                  : value);
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return map;
  }
}
