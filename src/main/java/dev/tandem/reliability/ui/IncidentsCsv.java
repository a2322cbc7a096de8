package dev.tandem.reliability.ui;

import dev.tandem.base.ui.CsvExport;
import dev.tandem.reliability.Incident;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The Incidents screen's CSV export: keys and stored spellings, times as the grid shows them. */
final class IncidentsCsv {

  private static final List<String> HEADER =
      List.of(
          "source",
          "external_id",
          "title",
          "severity",
          "started_at",
          "resolved_at",
          "service",
          "team",
          "ai_involvement",
          "tool",
          "root_cause",
          "peer_reviewed",
          "approval_required",
          "permissions_exceeded",
          "customer_impact",
          "postmortem_url");

  private IncidentsCsv() {}

  static ByteArrayInputStream of(List<Incident> incidents, Function<OffsetDateTime, String> time) {
    List<List<String>> rows =
        incidents.stream()
            .map(
                i ->
                    List.of(
                        i.source(),
                        i.externalId(),
                        i.title(),
                        i.severity().stored(),
                        time.apply(i.startedAt()),
                        time.apply(i.resolvedAt()),
                        Objects.toString(i.service(), ""),
                        Objects.toString(i.teamKey(), ""),
                        i.aiInvolvement().stored(),
                        Objects.toString(i.tool(), ""),
                        i.rootCause() == null ? "" : i.rootCause().stored(),
                        Objects.toString(i.peerReviewed(), ""),
                        Objects.toString(i.approvalRequired(), ""),
                        Objects.toString(i.permissionsExceeded(), ""),
                        Objects.toString(i.customerImpact(), ""),
                        Objects.toString(i.postmortemUrl(), "")))
            .toList();
    String csv = CsvExport.toCsv(HEADER, rows);
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }
}
