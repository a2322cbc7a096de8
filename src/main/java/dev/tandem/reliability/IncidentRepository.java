package dev.tandem.reliability;

import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.TEAM;

import dev.tandem.base.IdSets;
import dev.tandem.db.tables.records.IncidentRecord;
import dev.tandem.rollup.ScopeIds;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Incidents one by one: the grid, the form and the triage queue. */
@Repository
class IncidentRepository {

  /** The filter with the team scope resolved to ids and the days to instants (end exclusive). */
  record Criteria(
      IncidentFilter filter, ScopeIds scope, OffsetDateTime from, OffsetDateTime until) {}

  private final DSLContext db;

  IncidentRepository(DSLContext db) {
    this.db = db;
  }

  List<Incident> search(Criteria criteria, List<IncidentSort> sort, int offset, int limit) {
    List<SortField<?>> order = new ArrayList<>();
    for (IncidentSort s : sort) {
      Field<?> f = column(s.column());
      order.add(s.ascending() ? f.asc().nullsFirst() : f.desc().nullsLast());
    }
    if (order.isEmpty()) {
      order.add(INCIDENT.STARTED_AT.desc());
    }
    order.add(INCIDENT.ID.desc());
    return db.select(INCIDENT.asterisk(), TEAM.TEAM_KEY)
        .from(INCIDENT)
        .leftJoin(TEAM)
        .on(TEAM.ID.eq(INCIDENT.TEAM_ID))
        .where(where(criteria))
        .orderBy(order)
        .offset(offset)
        .limit(limit)
        .fetch(IncidentRepository::toIncident);
  }

  int count(Criteria criteria) {
    return db.fetchCount(INCIDENT, where(criteria));
  }

  Optional<Incident> findById(long id) {
    return db.select(INCIDENT.asterisk(), TEAM.TEAM_KEY)
        .from(INCIDENT)
        .leftJoin(TEAM)
        .on(TEAM.ID.eq(INCIDENT.TEAM_ID))
        .where(INCIDENT.ID.eq(id))
        .fetchOptional(IncidentRepository::toIncident);
  }

  boolean externalIdTaken(String source, String externalId, Long exceptId) {
    return db.fetchExists(
        INCIDENT,
        INCIDENT
            .SOURCE
            .eq(source)
            .and(INCIDENT.EXTERNAL_ID.eq(externalId))
            .and(exceptId == null ? DSL.noCondition() : INCIDENT.ID.ne(exceptId)));
  }

  long insert(Incident i, OffsetDateTime now) {
    IncidentRecord r = db.newRecord(INCIDENT);
    fill(r, i, now);
    r.setSource(i.source());
    r.store();
    return r.getId();
  }

  void update(Incident i, OffsetDateTime now) {
    IncidentRecord r = db.fetchSingle(INCIDENT, INCIDENT.ID.eq(i.id()));
    fill(r, i, now);
    r.store();
  }

  void triage(long id, Triage t, OffsetDateTime now) {
    db.update(INCIDENT)
        .set(INCIDENT.AI_INVOLVEMENT, t.aiInvolvement())
        .set(INCIDENT.TOOL_KEY, t.tool())
        .set(INCIDENT.ROOT_CAUSE, t.rootCause())
        .set(INCIDENT.PEER_REVIEWED, t.peerReviewed())
        .set(INCIDENT.APPROVAL_REQUIRED, t.approvalRequired())
        .set(INCIDENT.PERMISSIONS_EXCEEDED, t.permissionsExceeded())
        .set(INCIDENT.UPDATED_AT, now)
        .where(INCIDENT.ID.eq(id))
        .execute();
  }

  private static void fill(IncidentRecord r, Incident i, OffsetDateTime now) {
    r.setExternalId(i.externalId());
    r.setTitle(i.title());
    r.setSeverity(i.severity());
    r.setStatus(i.status());
    r.setStartedAt(i.startedAt());
    r.setResolvedAt(i.resolvedAt());
    r.setService(i.service());
    r.setTeamId(i.teamId());
    r.setAiInvolvement(i.aiInvolvement());
    r.setToolKey(i.tool());
    r.setRootCause(i.rootCause());
    r.setPeerReviewed(i.peerReviewed());
    r.setApprovalRequired(i.approvalRequired());
    r.setPermissionsExceeded(i.permissionsExceeded());
    r.setCustomerImpact(i.customerImpact());
    r.setPostmortemUrl(i.postmortemUrl());
    r.setUpdatedAt(now);
  }

  /** An incident with this safeguard gap (the one definition the filter and the counts share). */
  static Condition gap(Safeguard safeguard) {
    return switch (safeguard) {
      case NOT_PEER_REVIEWED -> INCIDENT.PEER_REVIEWED.isFalse();
      case NO_APPROVAL_REQUIRED -> INCIDENT.APPROVAL_REQUIRED.isFalse();
      case PERMISSIONS_EXCEEDED -> INCIDENT.PERMISSIONS_EXCEEDED.isTrue();
    };
  }

  private static Condition where(Criteria c) {
    IncidentFilter f = c.filter();
    Condition where = DSL.noCondition();
    if (f.text() != null && !f.text().isBlank()) {
      String like = "%" + f.text().trim().toLowerCase(Locale.ROOT) + "%";
      where =
          where.and(
              DSL.lower(INCIDENT.TITLE)
                  .like(like)
                  .or(DSL.lower(INCIDENT.SERVICE).like(like))
                  .or(DSL.lower(INCIDENT.EXTERNAL_ID).like(like)));
    }
    if (f.severities() != null && !f.severities().isEmpty()) {
      where = where.and(INCIDENT.SEVERITY.in(f.severities()));
    }
    if (f.involvements() != null && !f.involvements().isEmpty()) {
      where = where.and(INCIDENT.AI_INVOLVEMENT.in(f.involvements()));
    }
    if (f.tool() != null) {
      where = where.and(INCIDENT.TOOL_KEY.eq(f.tool()));
    }
    if (f.rootCause() != null) {
      where = where.and(INCIDENT.ROOT_CAUSE.eq(f.rootCause()));
    }
    if (f.gap() != null) {
      where = where.and(gap(f.gap()));
    }
    if (!c.scope().organisation()) {
      where = where.and(IdSets.in(INCIDENT.TEAM_ID, c.scope().teams()));
    }
    if (c.from() != null) {
      where = where.and(INCIDENT.STARTED_AT.ge(c.from()));
    }
    if (c.until() != null) {
      where = where.and(INCIDENT.STARTED_AT.lt(c.until()));
    }
    return where;
  }

  private static Field<?> column(String key) {
    return switch (key) {
      case "startedAt" -> INCIDENT.STARTED_AT;
      case "resolvedAt" -> INCIDENT.RESOLVED_AT;
      case "severity" -> INCIDENT.SEVERITY;
      case "title" -> INCIDENT.TITLE;
      case "aiInvolvement" -> INCIDENT.AI_INVOLVEMENT;
      case "tool" -> INCIDENT.TOOL_KEY;
      case "team" -> TEAM.TEAM_KEY;
      case "rootCause" -> INCIDENT.ROOT_CAUSE;
      case "service" -> INCIDENT.SERVICE;
      case "externalId" -> INCIDENT.EXTERNAL_ID;
      default -> throw new IllegalArgumentException(key);
    };
  }

  private static Incident toIncident(Record r) {
    return new Incident(
        r.get(INCIDENT.ID),
        r.get(INCIDENT.SOURCE),
        r.get(INCIDENT.EXTERNAL_ID),
        r.get(INCIDENT.TITLE),
        r.get(INCIDENT.SEVERITY),
        r.get(INCIDENT.STATUS),
        r.get(INCIDENT.STARTED_AT),
        r.get(INCIDENT.RESOLVED_AT),
        r.get(INCIDENT.SERVICE),
        r.get(INCIDENT.TEAM_ID),
        r.get(TEAM.TEAM_KEY),
        r.get(INCIDENT.AI_INVOLVEMENT),
        r.get(INCIDENT.TOOL_KEY),
        r.get(INCIDENT.ROOT_CAUSE),
        r.get(INCIDENT.PEER_REVIEWED),
        r.get(INCIDENT.APPROVAL_REQUIRED),
        r.get(INCIDENT.PERMISSIONS_EXCEEDED),
        r.get(INCIDENT.CUSTOMER_IMPACT),
        r.get(INCIDENT.POSTMORTEM_URL),
        r.get(INCIDENT.UPDATED_AT));
  }
}
