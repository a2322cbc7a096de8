package dev.tandem.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row (RFC 4180, comma-separated, LF or CRLF): header names and values
 * trimmed, matched case-insensitively, unknown columns ignored, missing required columns and wrong
 * delimiters reported as errors.
 */
final class CsvTable {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setTrim(true)
          .setIgnoreSurroundingSpaces(true)
          .setIgnoreEmptyLines(true)
          .setAllowMissingColumnNames(true)
          .get();

  /** One data record: cells by column name, and the line it starts on. */
  record Row(CSVRecord record, Map<String, Integer> columns, long line) {

    /** The trimmed cell, or null when the column is absent or the record is short. */
    String get(String column) {
      Integer index = columns.get(column.toLowerCase(Locale.ROOT));
      return index == null || index >= record.size() ? null : record.get(index);
    }

    boolean has(String column) {
      return columns.containsKey(column.toLowerCase(Locale.ROOT));
    }

    Set<String> columnNames() {
      return columns.keySet();
    }
  }

  private CsvTable() {}

  /** A library message, cut so that it never carries a whole cell back. */
  static String cut(String message) {
    return message == null || message.length() <= 300 ? message : message.substring(0, 300) + "…";
  }

  /**
   * Reads every data record of {@code in} into {@code each}; reports file-level problems (empty,
   * header only, missing columns, wrong delimiter, malformed quoting) to {@code sink}.
   */
  static void read(Reader in, List<String> required, RowSink sink, Consumer<Row> each)
      throws IOException {
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get();
    } catch (IllegalArgumentException e) {
      sink.error(1, "header", "the header row is invalid: " + cut(e.getMessage()));
      return;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    try (parser) {
      List<String> names = parser.getHeaderNames();
      if (names.isEmpty()) {
        sink.error(0, "file", "the file is empty; expected a header row and data rows");
        return;
      }
      if (names.size() == 1 && required.size() > 1) {
        String only = names.get(0);
        for (String delimiter : List.of(";", "\t", "|")) {
          if (only.contains(delimiter)) {
            sink.error(
                1,
                "header",
                "the header has a single column; the file seems to be separated by '"
                    + (delimiter.equals("\t") ? "tab" : delimiter)
                    + "', expected commas");
            return;
          }
        }
      }
      Map<String, Integer> columns = new TreeMap<>();
      for (int i = 0; i < names.size(); i++) {
        columns.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
      }
      boolean missing = false;
      for (String column : required) {
        if (!columns.containsKey(column.toLowerCase(Locale.ROOT))) {
          sink.error(
              1,
              column,
              "required column is missing; expected a header with " + String.join(", ", required));
          missing = true;
        }
      }
      if (missing) {
        return;
      }
      long records = 0;
      long previous = parser.getCurrentLineNumber();
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            break;
          }
          record = it.next();
        } catch (UncheckedIOException e) {
          sink.error(
              parser.getCurrentLineNumber(),
              "file",
              "malformed CSV: " + cut(e.getCause().getMessage()));
          return;
        }
        records++;
        sink.recordRead();
        // The lexer has read through the record's line end; the last line may have none.
        long line = Math.max(parser.getCurrentLineNumber(), previous + 1);
        previous = line;
        each.accept(new Row(record, columns, line));
      }
      if (records == 0) {
        sink.error(0, "file", "the file has a header row but no data rows");
      }
    }
  }
}
