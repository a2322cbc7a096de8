package dev.tandem.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * A CSV format: the header is read and its required columns checked ({@link CsvTable}), then each
 * data row is handed to {@link #row} with its cells, which report problems under the row's line
 * number.
 */
abstract class CsvFormat extends FileFormat {

  private final List<String> required;

  CsvFormat(
      String key, String description, RowKind kind, String identitySource, List<String> required) {
    super(key, description, kind, identitySource);
    this.required = List.copyOf(required);
  }

  /**
   * What the format makes of one data row: its problems go to the cells, its row (when the cells
   * are ok) to {@code sink}.
   */
  abstract void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink);

  /** Reads the header and every data row of {@code in}; file-level problems go to {@code sink}. */
  @Override
  public void parse(Reader in, ParseContext context, RowSink sink) throws IOException {
    CsvTable.read(in, required, sink, row -> row(row, new Cells(row.line(), sink), context, sink));
  }
}
