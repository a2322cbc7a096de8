package dev.tandem.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tandem's incident CSV reads the vocabulary in any case and names the valid words in errors. */
class TandemIncidentsCsvTest {

  private final RecordingSink sink = new RecordingSink();
  private final List<ParsedRow> rows = sink.rows;
  private final List<String> errors = sink.errors;

  private void parse(String csv) throws Exception {
    new TandemIncidentsCsv()
        .parse(new StringReader(csv), new ParseContext(Set.of("cursor"), null), sink);
  }

  @Test
  void a_valid_row_becomes_an_incident_with_the_vocabulary_typed() throws Exception {
    parse(
        "id,title,severity,started_at,ai_involvement,tool,root_cause,team\n"
            + "INC-1,Checkout down,sev2,2026-03-01T10:00:00Z,Assisted,cursor,AI-error,payments\n");
    assertThat(errors).isEmpty();
    ParsedRow.Incident row = (ParsedRow.Incident) rows.get(0);
    var i = row.incident();
    assertThat(i.source()).isEqualTo("tandem");
    assertThat(i.externalId()).isEqualTo("INC-1");
    assertThat(i.severity()).isEqualTo(Severity.SEV2);
    assertThat(i.aiInvolvement()).isEqualTo(AiInvolvement.ASSISTED);
    assertThat(i.rootCause()).isEqualTo(RootCause.AI_ERROR);
    assertThat(i.tool()).isEqualTo("cursor");
    assertThat(row.teamNames()).containsExactly("payments");
    assertThat(i.status()).isNull();
    assertThat(row.vendorOwnedOnly()).isFalse();
  }

  @Test
  void unknown_or_missing_words_are_line_errors_listing_the_valid_ones() throws Exception {
    parse(
        "id,title,severity,started_at,ai_involvement,root_cause\n"
            + "INC-1,A,sev9,2026-03-01T10:00:00Z,maybe,gremlins\n"
            + "INC-2,B,,2026-03-01T10:00:00Z,,\n"
            + "INC-3,C,SEV1,2026-03-01T10:00:00Z,none,\n");
    assertThat(errors)
        .containsExactly(
            "2 severity: 'sev9' is not allowed; expected one of sev1, sev2, sev3, sev4",
            "2 ai_involvement: 'maybe' is not allowed; expected one of agent, assisted, none,"
                + " unknown",
            "2 root_cause: 'gremlins' is not allowed; expected one of access-control, ai-error,"
                + " infrastructure, other, process, user-error",
            "3 severity: is empty; expected one of sev1, sev2, sev3, sev4",
            "3 ai_involvement: is empty; expected one of agent, assisted, none, unknown");
    assertThat(rows).hasSize(1);
    assertThat(((ParsedRow.Incident) rows.get(0)).incident().rootCause()).isNull();
  }

  @Test
  void a_tool_with_no_ai_involvement_names_the_stored_spelling() throws Exception {
    parse(
        "id,title,severity,started_at,ai_involvement,tool\n"
            + "INC-1,A,sev3,2026-03-01T10:00:00Z,NONE,cursor\n");
    assertThat(errors).containsExactly("2 tool: must be empty when ai_involvement is none");
  }
}
