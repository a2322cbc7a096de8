package dev.tandem.ingest.format;

/** Where a parser sends what it reads: valid rows, and problems naming line and field. */
public interface RowSink {

  void row(ParsedRow row);

  void error(long line, String field, String message);

  /** Counts one data record read (valid or not), for the rows-read figure. */
  void recordRead();
}
