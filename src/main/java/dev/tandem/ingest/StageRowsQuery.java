package dev.tandem.ingest;

import dev.tandem.ingest.format.ParsedRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

/**
 * How parsed rows become rows of {@code import_stage}: one JDBC batch, or on PostgreSQL CSV through
 * {@code COPY … FROM STDIN}; both write the same columns.
 */
final class StageRowsQuery {

  private StageRowsQuery() {}

  private static final String COLUMNS =
      "batch_id, line_no, row_kind, external_id, discriminator, tool_key, usage_date, week_start,"
          + " week_end, active, active_days, interactions, accepted_lines, changes, developer_id,"
          + " agent, agent_days, credits_used, overage_credits_used, subscription_tier,"
          + " usage_based_requests, estimated_cost_cents, suggested, accepted";

  private static final String STAGE_SQL =
      "INSERT INTO import_stage ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String COPY_SQL =
      "COPY import_stage (" + COLUMNS + ") FROM STDIN (FORMAT csv)";

  private static final ParsedRow.Spend NO_SPEND = new ParsedRow.Spend(null, null, null, null, null);

  /**
   * A usage or change row as the stage's columns (from {@code row_kind} on), with the developer its
   * identity resolves to (null: held as unmatched); both write paths write these.
   */
  private record StageRow(
      long line,
      String kind,
      String externalId,
      String discriminator,
      String tool,
      LocalDate day,
      LocalDate weekStart,
      Boolean active,
      Integer activeDays,
      Long interactions,
      Long acceptedLines,
      Integer changes,
      Long developerId,
      Boolean agent,
      Integer agentDays,
      ParsedRow.Spend spend,
      ParsedRow.Acceptance acceptance) {

    /** The stage row of a usage or change row; null for any other row (never staged). */
    static StageRow of(ParsedRow row, StagingRepository.Identities developers) {
      if (row instanceof ParsedRow.Usage u) {
        return new StageRow(
            u.line(),
            u.day() == null ? "usage-week" : "usage-day",
            u.identity(),
            u.discriminator() == null ? "" : u.discriminator(),
            u.tool(),
            u.day(),
            u.weekStart(),
            u.active(),
            u.activeDays(),
            u.interactions(),
            u.acceptedLines(),
            null,
            developers.developerOf(u.identity(), u.email()),
            u.agent(),
            u.agentDays(),
            u.spend() == null ? NO_SPEND : u.spend(),
            u.acceptance());
      }
      if (row instanceof ParsedRow.Change ch) {
        return new StageRow(
            ch.line(),
            "changes",
            ch.email(),
            "",
            ch.attribution(),
            null,
            ch.weekStart(),
            null,
            null,
            null,
            null,
            ch.changes(),
            developers.developerOf(ch.email(), null),
            null,
            null,
            NO_SPEND,
            null);
      }
      return null;
    }

    Long suggested() {
      return acceptance == null ? null : acceptance.suggested();
    }

    Long accepted() {
      return acceptance == null ? null : acceptance.accepted();
    }
  }

  /**
   * One plain JDBC batch for many rows (jOOQ's per-row bind objects cost more than the insert),
   * each with the developer its identity resolves to ({@code developers}; null: held as unmatched);
   * on PostgreSQL one COPY.
   */
  static void write(
      Connection c,
      long batchId,
      List<? extends ParsedRow> rows,
      StagingRepository.Identities developers)
      throws SQLException {
    if (c.isWrapperFor(org.postgresql.PGConnection.class)) {
      copy(c.unwrap(org.postgresql.PGConnection.class), batchId, rows, developers);
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(STAGE_SQL)) {
      for (ParsedRow row : rows) {
        StageRow r = StageRow.of(row, developers);
        if (r == null) {
          continue;
        }
        ps.setLong(1, batchId);
        ps.setLong(2, r.line());
        ps.setString(3, r.kind());
        ps.setString(4, r.externalId());
        ps.setString(5, r.discriminator());
        ps.setString(6, r.tool());
        if (r.day() == null) {
          ps.setNull(7, Types.DATE);
        } else {
          ps.setObject(7, r.day());
        }
        ps.setObject(8, r.weekStart());
        ps.setObject(9, r.weekStart().plusDays(7));
        setNullable(ps, 10, r.active());
        setNullable(ps, 11, r.activeDays(), Types.SMALLINT);
        setNullable(ps, 12, r.interactions(), Types.BIGINT);
        setNullable(ps, 13, r.acceptedLines(), Types.BIGINT);
        setNullable(ps, 14, r.changes(), Types.INTEGER);
        setNullable(ps, 15, r.developerId(), Types.BIGINT);
        setNullable(ps, 16, r.agent());
        setNullable(ps, 17, r.agentDays(), Types.SMALLINT);
        ps.setBigDecimal(18, r.spend().creditsUsed());
        ps.setBigDecimal(19, r.spend().overageCreditsUsed());
        ps.setString(20, r.spend().subscriptionTier());
        setNullable(ps, 21, r.spend().usageBasedRequests(), Types.BIGINT);
        ps.setBigDecimal(22, r.spend().estimatedCostCents());
        setNullable(ps, 23, r.suggested(), Types.BIGINT);
        setNullable(ps, 24, r.accepted(), Types.BIGINT);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void setNullable(PreparedStatement ps, int index, Number value, int type)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, type);
    } else if (type == Types.SMALLINT) {
      ps.setShort(index, value.shortValue());
    } else if (type == Types.INTEGER) {
      ps.setInt(index, value.intValue());
    } else {
      ps.setLong(index, value.longValue());
    }
  }

  private static void setNullable(PreparedStatement ps, int index, Boolean value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BOOLEAN);
    } else {
      ps.setBoolean(index, value);
    }
  }

  /**
   * PostgreSQL's own bulk path: the chunk as CSV through {@code COPY … FROM STDIN} (PgJDBC's
   * CopyManager), inside the caller's transaction. In CSV an unquoted empty field is NULL and a
   * quoted one the empty string; every text is quoted.
   */
  private static void copy(
      org.postgresql.PGConnection pg,
      long batchId,
      List<? extends ParsedRow> rows,
      StagingRepository.Identities developers)
      throws SQLException {
    StringBuilder csv = new StringBuilder(rows.size() * 120);
    for (ParsedRow row : rows) {
      StageRow r = StageRow.of(row, developers);
      if (r != null) {
        csvRow(csv, batchId, r);
      }
    }
    try {
      pg.getCopyAPI().copyIn(COPY_SQL, new java.io.StringReader(csv.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException("COPY into import_stage failed", e);
    }
  }

  private static void csvRow(StringBuilder csv, long batchId, StageRow r) {
    ParsedRow.Spend spend = r.spend();
    csv.append(batchId).append(',').append(r.line()).append(',');
    quoted(csv, r.kind()).append(',');
    quoted(csv, r.externalId()).append(',');
    quoted(csv, r.discriminator()).append(',');
    quoted(csv, r.tool()).append(',');
    csv.append(r.day() == null ? "" : r.day().toString()).append(',');
    csv.append(r.weekStart()).append(',').append(r.weekStart().plusDays(7)).append(',');
    csv.append(r.active() == null ? "" : r.active().toString()).append(',');
    csv.append(r.activeDays() == null ? "" : r.activeDays().toString()).append(',');
    csv.append(r.interactions() == null ? "" : r.interactions().toString()).append(',');
    csv.append(r.acceptedLines() == null ? "" : r.acceptedLines().toString()).append(',');
    csv.append(r.changes() == null ? "" : r.changes().toString()).append(',');
    csv.append(r.developerId() == null ? "" : r.developerId().toString()).append(',');
    csv.append(r.agent() == null ? "" : r.agent().toString()).append(',');
    csv.append(r.agentDays() == null ? "" : r.agentDays().toString()).append(',');
    csv.append(spend.creditsUsed() == null ? "" : spend.creditsUsed().toPlainString()).append(',');
    csv.append(spend.overageCreditsUsed() == null ? "" : spend.overageCreditsUsed().toPlainString())
        .append(',');
    if (spend.subscriptionTier() != null) {
      quoted(csv, spend.subscriptionTier());
    }
    csv.append(',');
    csv.append(spend.usageBasedRequests() == null ? "" : spend.usageBasedRequests().toString())
        .append(',');
    csv.append(spend.estimatedCostCents() == null ? "" : spend.estimatedCostCents().toPlainString())
        .append(',');
    if (r.acceptance() != null) {
      csv.append(r.suggested()).append(',').append(r.accepted());
    } else {
      csv.append(',');
    }
    csv.append('\n');
  }

  private static StringBuilder quoted(StringBuilder csv, String text) {
    return csv.append('"').append(text.replace("\"", "\"\"")).append('"');
  }
}
