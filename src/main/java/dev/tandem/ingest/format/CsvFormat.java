package dev.tandem.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A CSV format: the header is read and its required columns checked ({@link CsvTable}), then each
 * data row is handed over with its cells, which report problems under the row's line number.
 */
abstract class CsvFormat extends FileFormat {

  /** What a format does with one data row and its cells. */
  interface RowHandler {
    void row(CsvTable.Row row, Cells c);
  }

  private final List<String> required;

  CsvFormat(
      String key, String description, RowKind kind, String identitySource, List<String> required) {
    super(key, description, kind, identitySource);
    this.required = List.copyOf(required);
  }

  /** Reads the header and every data row of {@code in}; file-level problems go to {@code sink}. */
  final void read(Reader in, RowSink sink, RowHandler each) throws IOException {
    CsvTable.read(in, required, sink, row -> each.row(row, new Cells(row.line(), sink)));
  }
}
