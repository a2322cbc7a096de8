package dev.tandem.ingest.format;

/** Where a parser sends what it reads: valid rows, and problems naming line and field. */
public interface RowSink {

  void row(ParsedRow row);

  void error(long line, String field, String message);

  /**
   * A problem that does not stop the row (a look-alike email): shown in the preview and the result
   * as a warning with line and field.
   */
  default void warning(long line, String field, String message) {}

  /** Counts one data record read (valid or not), for the rows-read figure. */
  void recordRead();
}
