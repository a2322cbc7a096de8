package dev.tandem.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON format: its records are the array under one top-level field ({@code {"data":[…]}}), or,
 * without a field, one object per line (NDJSON) or one top-level array. Each record is handed to
 * {@link #record} with its cells; the cells of an array's record name it ("record 3: ").
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

  /**
   * What the format makes of one record: its problems go to the cells, its row (when the cells are
   * ok) to {@code sink}.
   */
  abstract void record(JsonNode node, Cells c, ParseContext context, RowSink sink);

  /** Reads every record of {@code in}; file-level problems go to {@code sink}. */
  @Override
  public void parse(Reader in, ParseContext context, RowSink sink) throws IOException {
    read(in, sink, (node, line, number, c) -> record(node, c, context, sink), new HashMap<>());
  }

  /**
   * Reads every record of {@code in}, putting the other top-level members whose value is a number,
   * string or boolean into {@code others} (records of an array only).
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
