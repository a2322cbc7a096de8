package dev.tandem.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Streams the records of a JSON export with Jackson's streaming parser: only one record is held as
 * a tree at a time, whatever the file size.
 */
final class JsonRecords {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  /** What a format does with one record: its tree, the line it starts on and its number. */
  interface Handler {
    void record(JsonNode node, long line, long number);
  }

  private JsonRecords() {}

  /**
   * The records of the array under {@code field} of the top-level object ({@code {"data":[…]}}).
   */
  static void readArray(Reader in, String field, RowSink sink, Handler handler) throws IOException {
    readArray(in, field, sink, handler, new java.util.HashMap<>());
  }

  /**
   * As {@link #readArray(Reader, String, RowSink, Handler)}, putting the other top-level members
   * whose value is a number, string or boolean into {@code others}.
   */
  static void readArray(
      Reader in,
      String field,
      RowSink sink,
      Handler handler,
      java.util.Map<String, JsonNode> others)
      throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        sink.error(0, "file", "the file is empty; expected a JSON object with \"" + field + "\"");
        return;
      }
      if (first != JsonToken.START_OBJECT) {
        sink.error(1, "file", "expected a JSON object with an array \"" + field + "\" at the top");
        return;
      }
      boolean found = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals(field) && value == JsonToken.START_ARRAY) {
          found = true;
          long number = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            number++;
            sink.recordRead();
            long line = p.currentTokenLocation().getLineNr();
            JsonNode node = MAPPER.readTree(p);
            handler.record(node, line, number);
          }
          if (number == 0) {
            sink.error(0, field, "the \"" + field + "\" array is empty; expected records");
          }
        } else if (value.isScalarValue()) {
          others.put(name, MAPPER.readTree(p));
        } else {
          p.skipChildren();
        }
      }
      if (!found) {
        sink.error(1, field, "missing; expected a top-level array \"" + field + "\"");
      }
    } catch (JsonProcessingException e) {
      sink.error(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "file",
          "not valid JSON: " + CsvTable.cut(e.getOriginalMessage()));
    }
  }

  /**
   * Newline-delimited JSON (one object per line), or one top-level JSON array of the same objects.
   */
  static void readLines(Reader in, RowSink sink, Handler handler) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      long number = 0;
      JsonToken token = p.nextToken();
      boolean array = token == JsonToken.START_ARRAY;
      if (array) {
        token = p.nextToken();
      }
      while (token != null && !(array && token == JsonToken.END_ARRAY)) {
        number++;
        sink.recordRead();
        long line = p.currentTokenLocation().getLineNr();
        if (token != JsonToken.START_OBJECT) {
          sink.error(
              line,
              "record",
              array
                  ? "expected a JSON object as each element of the array"
                  : "expected one JSON object per line");
          p.skipChildren();
        } else {
          handler.record(MAPPER.readTree(p), line, number);
        }
        token = p.nextToken();
      }
      if (array && token == JsonToken.END_ARRAY && p.nextToken() != null) {
        sink.error(
            p.currentTokenLocation().getLineNr(),
            "file",
            "text after the closing ] of the array; expected one array of JSON objects");
      }
      if (array && token == null) {
        sink.error(0, "file", "the array is not closed; expected a closing ]");
      }
      if (number == 0) {
        sink.error(
            0,
            "file",
            array
                ? "the array is empty; expected one JSON object per user and day"
                : "the file is empty; expected one JSON object per line");
      }
    } catch (JsonProcessingException e) {
      sink.error(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          "file",
          "not valid JSON: " + CsvTable.cut(e.getOriginalMessage()));
    }
  }

  /** A field's text; null when missing or JSON null. */
  static String text(JsonNode node, String path) {
    JsonNode v = node.at(path);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  /** A non-negative whole number; null when missing or null. */
  static Long count(Cells c, JsonNode node, String path) {
    JsonNode v = node.at(path);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0) {
      return v.asLong();
    }
    if (v.isTextual()) {
      return c.count(name(path), v.asText(), false);
    }
    c.error(name(path), Cells.quote(v.toString()) + " is not a whole number of 0 or more");
    return null;
  }

  static BigDecimal decimal(Cells c, JsonNode node, String path) {
    JsonNode v = node.at(path);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isNumber() && v.decimalValue().signum() < 0) {
      c.error(
          name(path), Cells.quote(v.toString()) + " is negative; expected a number of 0 or more");
      return null;
    }
    return v.isNumber() ? v.decimalValue() : c.decimal(name(path), v.asText());
  }

  static Boolean bool(Cells c, JsonNode node, String path) {
    JsonNode v = node.at(path);
    if (v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    return c.bool(name(path), v.asText());
  }

  /**
   * A day given as epoch milliseconds (UTC day), an ISO date, or an ISO date-time (its UTC day).
   */
  static LocalDate day(Cells c, JsonNode node, String path) {
    JsonNode v = node.at(path);
    String field = name(path);
    if (v.isMissingNode() || v.isNull() || v.asText().isBlank()) {
      c.error(field, "is missing; expected a date");
      return null;
    }
    if (v.isIntegralNumber() || v.asText().matches("\\d{10,15}")) {
      if (!v.canConvertToLong()) {
        c.error(field, Cells.quote(v.asText()) + " is not a date; expected epoch milliseconds");
        return null;
      }
      return c.plausible(
          field, Instant.ofEpochMilli(v.asLong()).atOffset(ZoneOffset.UTC).toLocalDate());
    }
    String text = c.limited(field, v.asText().trim(), FieldLimits.SCALAR);
    if (text == null) {
      return null;
    }
    try {
      return c.plausible(
          field,
          text.length() <= 10
              ? LocalDate.parse(text)
              : OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
    } catch (DateTimeParseException e) {
      c.error(
          field,
          Cells.quote(text)
              + " is not a date; expected epoch milliseconds, YYYY-MM-DD or an ISO-8601 time");
      return null;
    }
  }

  /** The last segment of a JSON pointer, used as the field name in errors. */
  static String name(String path) {
    return path.substring(1).replace('/', '.');
  }
}
