package dev.tandem.ingest;

import static dev.tandem.db.Tables.IMPORT_PRIOR_INCIDENT;
import static dev.tandem.db.Tables.INCIDENT;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import dev.tandem.ingest.format.ParsedRow;
import dev.tandem.reliability.Incident;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
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
    String source = rows.get(0).incident().source();
    List<String> ids = rows.stream().map(r -> r.incident().externalId()).toList();
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
    for (ParsedRow.Incident row : rows) {
      Incident r = row.incident();
      Map<Field<?>, Object> vendor = vendorFields(r, batchId, now);
      Map<Field<?>, Object> triage = triageFields(r, teamIds.get(row.line()));
      var upsert =
          db.insertInto(INCIDENT)
              .set(INCIDENT.SOURCE, r.source())
              .set(INCIDENT.EXTERNAL_ID, r.externalId())
              .set(vendor)
              .set(triage)
              .onConflict(INCIDENT.SOURCE, INCIDENT.EXTERNAL_ID)
              .doUpdate()
              .set(vendor);
      upserts.add(row.vendorOwnedOnly() ? upsert : upsert.set(triage));
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

  /** What every source owns: a re-import updates these (and the batch and time of the change). */
  private static Map<Field<?>, Object> vendorFields(Incident r, long batchId, OffsetDateTime now) {
    Map<Field<?>, Object> f = new LinkedHashMap<>();
    f.put(INCIDENT.TITLE, r.title());
    f.put(INCIDENT.SEVERITY, r.severity());
    f.put(INCIDENT.STATUS, r.status());
    f.put(INCIDENT.STARTED_AT, r.startedAt());
    f.put(INCIDENT.RESOLVED_AT, r.resolvedAt());
    f.put(INCIDENT.SERVICE, r.service());
    f.put(INCIDENT.BATCH_ID, batchId);
    f.put(INCIDENT.UPDATED_AT, now);
    return f;
  }

  /** Tandem's triage fields: a vendor-owned re-import (PagerDuty) never overwrites them. */
  private static Map<Field<?>, Object> triageFields(Incident r, Long team) {
    Map<Field<?>, Object> f = new LinkedHashMap<>();
    f.put(INCIDENT.TEAM_ID, team);
    f.put(INCIDENT.AI_INVOLVEMENT, r.aiInvolvement());
    f.put(INCIDENT.TOOL_KEY, r.tool());
    f.put(INCIDENT.ROOT_CAUSE, r.rootCause());
    f.put(INCIDENT.PEER_REVIEWED, r.peerReviewed());
    f.put(INCIDENT.APPROVAL_REQUIRED, r.approvalRequired());
    f.put(INCIDENT.PERMISSIONS_EXCEEDED, r.permissionsExceeded());
    f.put(INCIDENT.CUSTOMER_IMPACT, r.customerImpact());
    f.put(INCIDENT.POSTMORTEM_URL, r.postmortemUrl());
    return f;
  }
}
