package dev.tandem.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Severity;
import dev.tandem.reliability.Incident;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code pagerduty-incidents-json}: the PagerDuty {@code GET /incidents} response. New incidents
 * arrive as {@code unknown} for triage; re-imports update only what PagerDuty owns.
 */
public final class PagerDutyIncidentsJson extends JsonFormat {

  public PagerDutyIncidentsJson() {
    super(
        "pagerduty-incidents-json",
        "PagerDuty GET /incidents response, JSON",
        RowKind.INCIDENT,
        null,
        "incidents");
  }

  @Override
  void record(JsonNode node, Cells c, ParseContext context, RowSink sink) {
    String id = c.required("id", JsonRecords.text(node, "/id"), FieldLimits.INCIDENT_ID);
    String title = c.required("title", JsonRecords.text(node, "/title"), FieldLimits.TITLE);
    String status = c.optional("status", JsonRecords.text(node, "/status"), FieldLimits.STATUS);
    Severity severity = severity(c, node);
    OffsetDateTime started = c.timestamp("created_at", JsonRecords.text(node, "/created_at"), true);
    OffsetDateTime resolved =
        c.timestamp("resolved_at", JsonRecords.text(node, "/resolved_at"), false);
    if (resolved == null && "resolved".equals(status)) {
      resolved =
          c.timestamp(
              "last_status_change_at", JsonRecords.text(node, "/last_status_change_at"), false);
    }
    if (started != null && resolved != null && resolved.isBefore(started)) {
      c.error("resolved_at", "is before created_at; expected a time not before the start");
    }
    List<String> teams = new ArrayList<>();
    for (JsonNode team : node.path("teams")) {
      String name =
          c.optional("teams.summary", JsonRecords.text(team, "/summary"), FieldLimits.NAME);
      if (name != null) {
        teams.add(name);
      }
    }
    String service =
        c.optional(
            "service.summary", JsonRecords.text(node, "/service/summary"), FieldLimits.SERVICE);
    if (c.ok()) {
      sink.row(
          new ParsedRow.Incident(
              c.line(),
              Incident.builder()
                  .source("pagerduty")
                  .externalId(id)
                  .title(title)
                  .severity(severity)
                  .status(status)
                  .startedAt(started)
                  .resolvedAt(resolved)
                  .service(service)
                  .aiInvolvement(AiInvolvement.UNKNOWN)
                  .build(),
              teams,
              true));
    }
  }

  /** P1→SEV1, P2→SEV2, P3→SEV3, P4/P5→SEV4; without a priority, urgency high→SEV2, low→SEV3. */
  private static Severity severity(Cells c, JsonNode node) {
    String priority = JsonRecords.text(node, "/priority/summary");
    if (priority != null) {
      switch (priority.trim().toUpperCase(Locale.ROOT)) {
        case "P1":
          return Severity.SEV1;
        case "P2":
          return Severity.SEV2;
        case "P3":
          return Severity.SEV3;
        case "P4", "P5":
          return Severity.SEV4;
        default:
          c.error(
              "priority.summary", Cells.quote(priority) + " is not a priority; expected P1 to P5");
          return null;
      }
    }
    String urgency = JsonRecords.text(node, "/urgency");
    if ("high".equals(urgency)) {
      return Severity.SEV2;
    }
    if ("low".equals(urgency)) {
      return Severity.SEV3;
    }
    c.error("urgency", Cells.quote(urgency) + " without a priority; expected high or low");
    return null;
  }
}
