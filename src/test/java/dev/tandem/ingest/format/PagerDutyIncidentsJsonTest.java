package dev.tandem.ingest.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.base.Severity;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PagerDuty's incidents answer: a record with any bad field is an error and never a row. */
class PagerDutyIncidentsJsonTest {

  private final RecordingSink sink = new RecordingSink();
  private final List<ParsedRow> rows = sink.rows;
  private final List<String> errors = sink.errors;

  private void parse(String service) throws Exception {
    String json =
        "{\"incidents\":[{\"id\":\"Q2KJ7ZR1\",\"incident_number\":5123,"
            + "\"title\":\"Elevated 5xx on billing API\",\"status\":\"resolved\","
            + "\"urgency\":\"high\",\"priority\":{\"summary\":\"P2\"},"
            + "\"service\":{\"id\":\"PSVC1\",\"summary\":\""
            + service
            + "\"},\"teams\":[{\"id\":\"PT1\",\"summary\":\"Billing\"}],"
            + "\"created_at\":\"2026-11-18T08:01:00Z\",\"resolved_at\":\"2026-11-18T09:15:00Z\","
            + "\"last_status_change_at\":\"2026-11-18T09:15:00Z\"}],"
            + "\"limit\":25,\"offset\":0,\"more\":false}";
    new PagerDutyIncidentsJson()
        .parse(new StringReader(json), new ParseContext(Set.of("cursor"), null), sink);
  }

  @Test
  void the_vendor_example_becomes_one_incident() throws Exception {
    parse("billing-api");
    assertThat(errors).isEmpty();
    var incident = ((ParsedRow.Incident) rows.get(0)).incident();
    assertThat(incident.service()).isEqualTo("billing-api");
    assertThat(incident.severity()).isEqualTo(Severity.SEV2);
    assertThat(((ParsedRow.Incident) rows.get(0)).teamNames()).containsExactly("Billing");
  }

  @Test
  void a_too_long_service_is_an_error_named_by_its_field_and_gives_no_row() throws Exception {
    parse("s".repeat(FieldLimits.SERVICE + 1));
    assertThat(errors).singleElement().asString().startsWith("1 service.summary: ");
    assertThat(rows).isEmpty();
  }
}
