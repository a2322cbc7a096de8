package dev.tandem.ingest;

import static dev.tandem.db.Tables.CHANGE_COUNT;
import static dev.tandem.db.Tables.IMPORT_PRIOR_CHANGE_COUNT;
import static dev.tandem.db.Tables.IMPORT_PRIOR_INCIDENT;
import static dev.tandem.db.Tables.IMPORT_PRIOR_SEAT;
import static dev.tandem.db.Tables.IMPORT_PRIOR_USAGE_DAY;
import static dev.tandem.db.Tables.IMPORT_PRIOR_USAGE_WEEK;
import static dev.tandem.db.Tables.INCIDENT;
import static dev.tandem.db.Tables.SEAT;
import static dev.tandem.db.Tables.USAGE_DAY;
import static dev.tandem.db.Tables.USAGE_WEEK;

import dev.tandem.ingest.PriorTable.Column;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jooq.Field;
import org.jooq.Table;

/** The tables an import writes, each with the {@code import_prior_*} table that keeps for undo. */
final class PriorTablesQuery {

  private PriorTablesQuery() {}

  static final PriorTable USAGE_DAY_PRIOR =
      new PriorTable(
          USAGE_DAY,
          USAGE_DAY.BATCH_ID,
          IMPORT_PRIOR_USAGE_DAY,
          IMPORT_PRIOR_USAGE_DAY.BATCH_ID,
          IMPORT_PRIOR_USAGE_DAY.PRIOR_BATCH_ID,
          IMPORT_PRIOR_USAGE_DAY.EXISTED,
          columns(
              IMPORT_PRIOR_USAGE_DAY,
              USAGE_DAY.DEVELOPER_ID,
              USAGE_DAY.TOOL_KEY,
              USAGE_DAY.USAGE_DATE,
              USAGE_DAY.SOURCE,
              USAGE_DAY.PART),
          columns(
              IMPORT_PRIOR_USAGE_DAY,
              USAGE_DAY.ACTIVE,
              USAGE_DAY.INTERACTIONS,
              USAGE_DAY.ACCEPTED_LINES,
              USAGE_DAY.AGENT,
              USAGE_DAY.CREDITS_USED,
              USAGE_DAY.OVERAGE_CREDITS_USED,
              USAGE_DAY.SUBSCRIPTION_TIER,
              USAGE_DAY.USAGE_BASED_REQUESTS,
              USAGE_DAY.ESTIMATED_COST_CENTS,
              USAGE_DAY.SUGGESTED,
              USAGE_DAY.ACCEPTED));

  static final PriorTable USAGE_WEEK_PRIOR =
      new PriorTable(
          USAGE_WEEK,
          USAGE_WEEK.BATCH_ID,
          IMPORT_PRIOR_USAGE_WEEK,
          IMPORT_PRIOR_USAGE_WEEK.BATCH_ID,
          IMPORT_PRIOR_USAGE_WEEK.PRIOR_BATCH_ID,
          IMPORT_PRIOR_USAGE_WEEK.EXISTED,
          columns(
              IMPORT_PRIOR_USAGE_WEEK,
              USAGE_WEEK.DEVELOPER_ID,
              USAGE_WEEK.TOOL_KEY,
              USAGE_WEEK.WEEK_START),
          columns(
              IMPORT_PRIOR_USAGE_WEEK,
              USAGE_WEEK.SOURCE,
              USAGE_WEEK.ACTIVE_DAYS,
              USAGE_WEEK.INTERACTIONS,
              USAGE_WEEK.ACCEPTED_LINES,
              USAGE_WEEK.AGENT_DAYS));

  static final PriorTable CHANGE_COUNT_PRIOR =
      new PriorTable(
          CHANGE_COUNT,
          CHANGE_COUNT.BATCH_ID,
          IMPORT_PRIOR_CHANGE_COUNT,
          IMPORT_PRIOR_CHANGE_COUNT.BATCH_ID,
          IMPORT_PRIOR_CHANGE_COUNT.PRIOR_BATCH_ID,
          IMPORT_PRIOR_CHANGE_COUNT.EXISTED,
          columns(
              IMPORT_PRIOR_CHANGE_COUNT,
              CHANGE_COUNT.DEVELOPER_ID,
              CHANGE_COUNT.WEEK_START,
              CHANGE_COUNT.ATTRIBUTION),
          columns(IMPORT_PRIOR_CHANGE_COUNT, CHANGE_COUNT.CHANGES));

  static final PriorTable INCIDENT_PRIOR =
      new PriorTable(
          INCIDENT,
          INCIDENT.BATCH_ID,
          IMPORT_PRIOR_INCIDENT,
          IMPORT_PRIOR_INCIDENT.BATCH_ID,
          IMPORT_PRIOR_INCIDENT.PRIOR_BATCH_ID,
          IMPORT_PRIOR_INCIDENT.EXISTED,
          List.of(new Column(INCIDENT.ID, IMPORT_PRIOR_INCIDENT.INCIDENT_ID)),
          columns(
              IMPORT_PRIOR_INCIDENT,
              INCIDENT.TITLE,
              INCIDENT.SEVERITY,
              INCIDENT.STATUS,
              INCIDENT.STARTED_AT,
              INCIDENT.RESOLVED_AT,
              INCIDENT.SERVICE,
              INCIDENT.TEAM_ID,
              INCIDENT.AI_INVOLVEMENT,
              INCIDENT.TOOL_KEY,
              INCIDENT.ROOT_CAUSE,
              INCIDENT.PEER_REVIEWED,
              INCIDENT.APPROVAL_REQUIRED,
              INCIDENT.PERMISSIONS_EXCEEDED,
              INCIDENT.CUSTOMER_IMPACT,
              INCIDENT.POSTMORTEM_URL));

  /** The incident fields a vendor-owned import (PagerDuty) writes; later triage stays. */
  static final List<Column> INCIDENT_VENDOR_FIELDS =
      columns(
          IMPORT_PRIOR_INCIDENT,
          INCIDENT.TITLE,
          INCIDENT.SEVERITY,
          INCIDENT.STATUS,
          INCIDENT.STARTED_AT,
          INCIDENT.RESOLVED_AT,
          INCIDENT.SERVICE);

  static final PriorTable SEAT_PRIOR =
      new PriorTable(
          SEAT,
          SEAT.BATCH_ID,
          IMPORT_PRIOR_SEAT,
          IMPORT_PRIOR_SEAT.BATCH_ID,
          IMPORT_PRIOR_SEAT.PRIOR_BATCH_ID,
          null,
          List.of(new Column(SEAT.ID, IMPORT_PRIOR_SEAT.SEAT_ID)),
          columns(
              IMPORT_PRIOR_SEAT,
              SEAT.SOURCE,
              SEAT.EXTERNAL_ID,
              SEAT.DEVELOPER_ID,
              SEAT.TOOL_KEY,
              SEAT.SEAT_TYPE,
              SEAT.ASSIGNED_ON,
              SEAT.REMOVED_ON,
              SEAT.MONTHLY_PRICE,
              SEAT.LAST_ACTIVITY_AT));

  /** Each column of the written table with the prior table's column of the same name. */
  private static List<Column> columns(Table<?> prior, Field<?>... current) {
    return Arrays.stream(current)
        .map(
            f ->
                new Column(
                    f, Objects.requireNonNull(prior.field(f.getName()), f.getName() + " not kept")))
        .toList();
  }
}
