package dev.tandem.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shapes every parser shares: a CSV format reads its header, checks the required columns and
 * hands each data row over with its line; a JSON format hands each record over with its line and
 * number, naming the record in an array's messages.
 */
class FormatShapesTest {

  /** A format whose only rule is that {@code n} is a whole number. */
  static final class Numbers extends CsvFormat {
    Numbers() {
      super("numbers-csv", "Numbers", RowKind.USAGE_DAY, "numbers", List.of("name", "n"));
    }

    @Override
    void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink) {
      c.count("n", row.get("n"), true);
    }
  }

  /** The same rule on JSON records, in the array {@code items} or one per line. */
  static final class JsonNumbers extends JsonFormat {
    JsonNumbers(String field) {
      super("numbers-json", "Numbers", RowKind.USAGE_DAY, null, field);
    }

    @Override
    void record(
        com.fasterxml.jackson.databind.JsonNode node, Cells c, ParseContext context, RowSink sink) {
      JsonRecords.count(c, node, "/n");
    }
  }

  private static final ParseContext CONTEXT = new ParseContext(Set.of("kiro"), null);

  private static RecordingSink parse(FormatParser format, String text) throws IOException {
    RecordingSink sink = new RecordingSink();
    format.parse(new StringReader(text), CONTEXT, sink);
    return sink;
  }

  @Test
  void a_csv_row_is_checked_under_its_own_line_number() throws IOException {
    RecordingSink sink = parse(new Numbers(), "name,n\na,1\n\nb,x\n");

    assertThat(sink.read).isEqualTo(2);
    assertThat(sink.errors).containsExactly("4 n: 'x' is not a whole number of 0 or more");
  }

  @Test
  void a_missing_required_column_is_named_and_no_row_is_read() throws IOException {
    RecordingSink sink = parse(new Numbers(), "name\na\n");

    assertThat(sink.read).isZero();
    assertThat(sink.errors)
        .containsExactly("1 n: required column is missing; expected a header with name, n");
  }

  @Test
  void a_record_of_a_json_array_is_named_by_its_number_and_found_by_its_line() throws IOException {
    RecordingSink sink =
        parse(new JsonNumbers("items"), "{\"items\": [\n{\"n\": 1},\n{\"n\": \"x\"}\n]}");

    assertThat(sink.read).isEqualTo(2);
    assertThat(sink.errors).hasSize(1);
    assertThat(sink.errors.get(0)).startsWith("3 n: record 2: ");
  }

  @Test
  void a_line_of_ndjson_is_its_own_record_and_needs_no_number() throws IOException {
    RecordingSink sink = parse(new JsonNumbers(null), "{\"n\": 1}\n{\"n\": \"x\"}\n");

    assertThat(sink.read).isEqualTo(2);
    assertThat(sink.errors).hasSize(1);
    assertThat(sink.errors.get(0)).startsWith("2 n: ").doesNotContain("record");
  }

  @Test
  void every_format_still_says_its_kind_and_identity_source() {
    assertThat(Formats.byKey("tandem-usage-csv").orElseThrow().kind())
        .isEqualTo(RowKind.USAGE_WEEK);
    assertThat(Formats.byKey("tandem-usage-csv").orElseThrow().identitySource(CONTEXT))
        .isEqualTo("tandem");
    assertThat(Formats.byKey("tandem-roster-csv").orElseThrow().identitySource(CONTEXT)).isNull();
    assertThat(Formats.byKey("copilot-user-metrics-ndjson").orElseThrow().identitySource(CONTEXT))
        .isEqualTo("copilot");
    assertThat(Formats.byKey("q-developer-csv").orElseThrow().identitySource(CONTEXT))
        .isEqualTo("q-developer");
    assertThat(
            Formats.byKey("q-developer-csv")
                .orElseThrow()
                .identitySource(new ParseContext(Set.of("kiro"), "kiro")))
        .isEqualTo("kiro");
    assertThat(Formats.all()).extracting(FormatParser::key).doesNotHaveDuplicates();
  }
}
