package dev.tandem.ingest.format;

import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Severity;
import dev.tandem.reliability.Incident;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code tandem-incidents-csv}: incidents with AI attribution and safeguards. */
public final class TandemIncidentsCsv extends CsvFormat {

  public TandemIncidentsCsv() {
    super(
        "tandem-incidents-csv",
        "Tandem incidents CSV (id, title, severity, started_at, ai_involvement, tool, ...)",
        RowKind.INCIDENT,
        null,
        List.of("id", "title", "severity", "started_at", "ai_involvement"));
  }

  @Override
  void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink) {
    String id = c.required("id", row.get("id"), FieldLimits.INCIDENT_ID);
    String title = c.required("title", row.get("title"), FieldLimits.TITLE);
    Severity severity = c.oneOf("severity", row.get("severity"), Severity.class, true);
    OffsetDateTime started = c.timestamp("started_at", row.get("started_at"), true);
    OffsetDateTime resolved = c.timestamp("resolved_at", row.get("resolved_at"), false);
    if (started != null && resolved != null && resolved.isBefore(started)) {
      c.error("resolved_at", "is before started_at; expected a time not before the start");
    }
    AiInvolvement involvement =
        c.oneOf("ai_involvement", row.get("ai_involvement"), AiInvolvement.class, true);
    boolean needsTool = involvement != null && involvement.aiInvolved();
    String tool = c.tool("tool", row.get("tool"), context.toolKeys(), needsTool);
    if (!needsTool && involvement != null && !Cells.blank(row.get("tool"))) {
      c.error("tool", "must be empty when ai_involvement is " + involvement.stored());
    }
    RootCause rootCause = c.oneOf("root_cause", row.get("root_cause"), RootCause.class, false);
    Boolean peer = c.bool("peer_reviewed", row.get("peer_reviewed"));
    Boolean approval = c.bool("approval_required", row.get("approval_required"));
    Boolean exceeded = c.bool("permissions_exceeded", row.get("permissions_exceeded"));
    Boolean impact = c.bool("customer_impact", row.get("customer_impact"));
    String url = c.optional("postmortem_url", row.get("postmortem_url"), FieldLimits.URL);
    if (url != null && !isHttpUrl(url)) {
      c.error("postmortem_url", Cells.quote(url) + " is not an http(s) URL");
    }
    String service = c.optional("service", row.get("service"), FieldLimits.SERVICE);
    String team = c.optional("team", row.get("team"), FieldLimits.TEAM_KEY);
    if (c.ok()) {
      sink.row(
          new ParsedRow.Incident(
              row.line(),
              Incident.builder()
                  .source("tandem")
                  .externalId(id)
                  .title(title)
                  .severity(severity)
                  .startedAt(started)
                  .resolvedAt(resolved)
                  .service(service)
                  .aiInvolvement(involvement)
                  .tool(tool)
                  .rootCause(rootCause)
                  .peerReviewed(peer)
                  .approvalRequired(approval)
                  .permissionsExceeded(exceeded)
                  .customerImpact(impact)
                  .postmortemUrl(url)
                  .build(),
              team == null ? List.of() : List.of(team),
              false));
    }
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = URI.create(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
