package dev.tandem.ingest.format;

import java.util.ArrayList;
import java.util.List;

/**
 * What a parser sent, for format tests: the rows, errors as "line field: message", records read.
 */
final class RecordingSink implements RowSink {
  final List<ParsedRow> rows = new ArrayList<>();
  final List<String> errors = new ArrayList<>();
  int read;

  @Override
  public void row(ParsedRow row) {
    rows.add(row);
  }

  @Override
  public void error(long line, String field, String message) {
    errors.add(line + " " + field + ": " + message);
  }

  @Override
  public void recordRead() {
    read++;
  }
}
