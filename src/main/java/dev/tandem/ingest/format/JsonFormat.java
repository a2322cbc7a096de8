package dev.tandem.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON format: its records are the array under one top-level field ({@code {"data":[…]}}), or,
 * without a field, one object per line (NDJSON) or one top-level array. Each record is handed over
 * with its line, its number and its cells; the cells of an array's record name it ("record 3: ").
 */
abstract class JsonFormat extends FileFormat {

  /** What a format does with one record: its tree, the line it starts on, its number, its cells. */
  interface RecordHandler {
    void record(JsonNode node, long line, long number, Cells c);
  }

  private final String field;

  /** A format of records in the array under {@code field}, or one per line when it is null. */
  JsonFormat(String key, String description, RowKind kind, String identitySource, String field) {
    super(key, description, kind, identitySource);
    this.field = field;
  }

  /** Reads every record of {@code in}; file-level problems go to {@code sink}. */
  final void read(Reader in, RowSink sink, RecordHandler each) throws IOException {
    read(in, sink, each, new HashMap<>());
  }

  /**
   * As {@link #read(Reader, RowSink, RecordHandler)}, putting the other top-level members whose
   * value is a number, string or boolean into {@code others} (records of an array only).
   */
  final void read(Reader in, RowSink sink, RecordHandler each, Map<String, JsonNode> others)
      throws IOException {
    if (field == null) {
      JsonRecords.readLines(
          in, sink, (node, line, number) -> each.record(node, line, number, new Cells(line, sink)));
    } else {
      JsonRecords.readArray(
          in,
          field,
          sink,
          (node, line, number) ->
              each.record(node, line, number, new Cells(line, "record " + number + ": ", sink)),
          others);
    }
  }
}
