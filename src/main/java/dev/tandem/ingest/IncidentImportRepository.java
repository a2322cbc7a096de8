package dev.tandem.ingest;

import static dev.tandem.db.Tables.IMPORT_PRIOR_INCIDENT;
import static dev.tandem.db.Tables.INCIDENT;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import dev.tandem.ingest.format.ParsedRow;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.springframework.stereotype.Repository;

/**
 * Incidents of an import: keeps what they replace, then upserts them by (source, external id) in
 * one JDBC batch. A vendor-owned import (PagerDuty) updates only the vendor's fields.
 */
@Repository
class IncidentImportRepository {

  private static final dev.tandem.db.tables.ImportPriorIncident P = IMPORT_PRIOR_INCIDENT;
  private final DSLContext db;
  private final PriorRepository priors;

  IncidentImportRepository(DSLContext db, PriorRepository priors) {
    this.db = db;
    this.priors = priors;
  }

  /** Writes the incidents; {@code teamIds} maps a row's line to its owning team (or null). */
  void apply(
      long batchId, List<ParsedRow.Incident> rows, Map<Long, Long> teamIds, OffsetDateTime now) {
    if (rows.isEmpty()) {
      return;
    }
    String source = rows.get(0).source();
    List<String> ids = rows.stream().map(ParsedRow.Incident::externalId).toList();
    for (int i = 0; i < ids.size(); i += 1000) {
      priors
          .keep(
              PriorTablesQuery.INCIDENT_PRIOR,
              batchId,
              INCIDENT,
              INCIDENT
                  .SOURCE
                  .eq(source)
                  .and(INCIDENT.EXTERNAL_ID.in(ids.subList(i, Math.min(ids.size(), i + 1000)))))
          .execute();
    }

    List<Query> upserts = new ArrayList<>(rows.size());
    for (ParsedRow.Incident r : rows) {
      Long team = teamIds.get(r.line());
      var insert =
          db.insertInto(INCIDENT)
              .set(INCIDENT.SOURCE, r.source())
              .set(INCIDENT.EXTERNAL_ID, r.externalId())
              .set(INCIDENT.TITLE, r.title())
              .set(INCIDENT.SEVERITY, r.severity())
              .set(INCIDENT.STATUS, r.status())
              .set(INCIDENT.STARTED_AT, r.startedAt())
              .set(INCIDENT.RESOLVED_AT, r.resolvedAt())
              .set(INCIDENT.SERVICE, r.service())
              .set(INCIDENT.TEAM_ID, team)
              .set(INCIDENT.AI_INVOLVEMENT, r.aiInvolvement())
              .set(INCIDENT.TOOL_KEY, r.tool())
              .set(INCIDENT.ROOT_CAUSE, r.rootCause())
              .set(INCIDENT.PEER_REVIEWED, r.peerReviewed())
              .set(INCIDENT.APPROVAL_REQUIRED, r.approvalRequired())
              .set(INCIDENT.PERMISSIONS_EXCEEDED, r.permissionsExceeded())
              .set(INCIDENT.CUSTOMER_IMPACT, r.customerImpact())
              .set(INCIDENT.POSTMORTEM_URL, r.postmortemUrl())
              .set(INCIDENT.BATCH_ID, batchId)
              .set(INCIDENT.UPDATED_AT, now)
              .onConflict(INCIDENT.SOURCE, INCIDENT.EXTERNAL_ID)
              .doUpdate()
              .set(INCIDENT.TITLE, r.title())
              .set(INCIDENT.SEVERITY, r.severity())
              .set(INCIDENT.STATUS, r.status())
              .set(INCIDENT.STARTED_AT, r.startedAt())
              .set(INCIDENT.RESOLVED_AT, r.resolvedAt())
              .set(INCIDENT.SERVICE, r.service())
              .set(INCIDENT.BATCH_ID, batchId)
              .set(INCIDENT.UPDATED_AT, now);
      if (!r.vendorOwnedOnly()) {
        insert
            .set(INCIDENT.TEAM_ID, team)
            .set(INCIDENT.AI_INVOLVEMENT, r.aiInvolvement())
            .set(INCIDENT.TOOL_KEY, r.tool())
            .set(INCIDENT.ROOT_CAUSE, r.rootCause())
            .set(INCIDENT.PEER_REVIEWED, r.peerReviewed())
            .set(INCIDENT.APPROVAL_REQUIRED, r.approvalRequired())
            .set(INCIDENT.PERMISSIONS_EXCEEDED, r.permissionsExceeded())
            .set(INCIDENT.CUSTOMER_IMPACT, r.customerImpact())
            .set(INCIDENT.POSTMORTEM_URL, r.postmortemUrl());
      }
      upserts.add(insert);
    }
    db.batch(upserts).execute();

    db.insertInto(P, P.BATCH_ID, P.INCIDENT_ID, P.EXISTED)
        .select(
            select(inline(batchId), INCIDENT.ID, inline(false))
                .from(INCIDENT)
                .where(INCIDENT.BATCH_ID.eq(batchId))
                .andNotExists(
                    selectOne()
                        .from(P)
                        .where(P.BATCH_ID.eq(batchId))
                        .and(P.INCIDENT_ID.eq(INCIDENT.ID))))
        .execute();
  }
}
