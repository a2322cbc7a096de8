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

  private static final String STAGE_SQL =
      "INSERT INTO import_stage (batch_id, line_no, row_kind, external_id, discriminator,"
          + " tool_key, usage_date, week_start, week_end, active, active_days, interactions,"
          + " accepted_lines, changes, developer_id, agent, agent_days, credits_used,"
          + " overage_credits_used, subscription_tier, usage_based_requests, estimated_cost_cents,"
          + " suggested, accepted)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        ps.setLong(1, batchId);
        ps.setLong(2, row.line());
        if (row instanceof ParsedRow.Usage u) {
          ps.setString(3, u.day() == null ? "usage-week" : "usage-day");
          ps.setString(4, u.identity());
          ps.setString(5, u.discriminator() == null ? "" : u.discriminator());
          ps.setString(6, u.tool());
          ps.setObject(7, u.day());
          ps.setObject(8, u.weekStart());
          ps.setObject(9, u.weekStart().plusDays(7));
          ps.setBoolean(10, u.active());
          setNullable(ps, 11, u.activeDays(), Types.SMALLINT);
          setNullable(ps, 12, u.interactions(), Types.BIGINT);
          setNullable(ps, 13, u.acceptedLines(), Types.BIGINT);
          ps.setNull(14, Types.INTEGER);
          setNullable(ps, 15, developers.developerOf(u.identity(), u.email()), Types.BIGINT);
          if (u.agent() == null) {
            ps.setNull(16, Types.BOOLEAN);
          } else {
            ps.setBoolean(16, u.agent());
          }
          setNullable(ps, 17, u.agentDays(), Types.SMALLINT);
          ParsedRow.Spend spend = u.spend() == null ? NO_SPEND : u.spend();
          ps.setBigDecimal(18, spend.creditsUsed());
          ps.setBigDecimal(19, spend.overageCreditsUsed());
          ps.setString(20, spend.subscriptionTier());
          setNullable(ps, 21, spend.usageBasedRequests(), Types.BIGINT);
          ps.setBigDecimal(22, spend.estimatedCostCents());
          ParsedRow.Acceptance acceptance = u.acceptance();
          setNullable(ps, 23, acceptance == null ? null : acceptance.suggested(), Types.BIGINT);
          setNullable(ps, 24, acceptance == null ? null : acceptance.accepted(), Types.BIGINT);
        } else if (row instanceof ParsedRow.Change ch) {
          ps.setString(3, "changes");
          ps.setString(4, ch.email());
          ps.setString(5, "");
          ps.setString(6, ch.attribution());
          ps.setNull(7, Types.DATE);
          ps.setObject(8, ch.weekStart());
          ps.setObject(9, ch.weekStart().plusDays(7));
          ps.setNull(10, Types.BOOLEAN);
          ps.setNull(11, Types.SMALLINT);
          ps.setNull(12, Types.BIGINT);
          ps.setNull(13, Types.BIGINT);
          ps.setInt(14, ch.changes());
          setNullable(ps, 15, developers.developerOf(ch.email(), null), Types.BIGINT);
          ps.setNull(16, Types.BOOLEAN);
          ps.setNull(17, Types.SMALLINT);
          ps.setNull(18, Types.DECIMAL);
          ps.setNull(19, Types.DECIMAL);
          ps.setNull(20, Types.VARCHAR);
          ps.setNull(21, Types.BIGINT);
          ps.setNull(22, Types.DECIMAL);
          ps.setNull(23, Types.BIGINT);
          ps.setNull(24, Types.BIGINT);
        } else {
          continue;
        }
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
    } else {
      ps.setLong(index, value.longValue());
    }
  }

  private static final String COPY_SQL =
      "COPY import_stage (batch_id, line_no, row_kind, external_id, discriminator, tool_key,"
          + " usage_date, week_start, week_end, active, active_days, interactions, accepted_lines,"
          + " changes, developer_id, agent, agent_days, credits_used, overage_credits_used,"
          + " subscription_tier, usage_based_requests, estimated_cost_cents, suggested, accepted)"
          + " FROM STDIN (FORMAT csv)";

  private static final ParsedRow.Spend NO_SPEND = new ParsedRow.Spend(null, null, null, null, null);

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
      if (row instanceof ParsedRow.Usage u) {
        csvRow(
            csv,
            batchId,
            row.line(),
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
      } else if (row instanceof ParsedRow.Change ch) {
        csvRow(
            csv,
            batchId,
            row.line(),
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
    }
    try {
      pg.getCopyAPI().copyIn(COPY_SQL, new java.io.StringReader(csv.toString()));
    } catch (java.io.IOException e) {
      throw new SQLException("COPY into import_stage failed", e);
    }
  }

  private static void csvRow(
      StringBuilder csv,
      long batchId,
      long line,
      String kind,
      String externalId,
      String discriminator,
      String tool,
      LocalDate day,
      LocalDate weekStart,
      Boolean active,
      Number activeDays,
      Number interactions,
      Number acceptedLines,
      Number changes,
      Long developerId,
      Boolean agent,
      Number agentDays,
      ParsedRow.Spend spend,
      ParsedRow.Acceptance acceptance) {
    csv.append(batchId).append(',').append(line).append(',');
    quoted(csv, kind).append(',');
    quoted(csv, externalId).append(',');
    quoted(csv, discriminator).append(',');
    quoted(csv, tool).append(',');
    csv.append(day == null ? "" : day.toString()).append(',');
    csv.append(weekStart).append(',').append(weekStart.plusDays(7)).append(',');
    csv.append(active == null ? "" : active.toString()).append(',');
    csv.append(activeDays == null ? "" : activeDays.toString()).append(',');
    csv.append(interactions == null ? "" : interactions.toString()).append(',');
    csv.append(acceptedLines == null ? "" : acceptedLines.toString()).append(',');
    csv.append(changes == null ? "" : changes.toString()).append(',');
    csv.append(developerId == null ? "" : developerId.toString()).append(',');
    csv.append(agent == null ? "" : agent.toString()).append(',');
    csv.append(agentDays == null ? "" : agentDays.toString()).append(',');
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
    if (acceptance != null) {
      csv.append(acceptance.suggested()).append(',').append(acceptance.accepted());
    } else {
      csv.append(',');
    }
    csv.append('\n');
  }

  private static StringBuilder quoted(StringBuilder csv, String text) {
    return csv.append('"').append(text.replace("\"", "\"\"")).append('"');
  }
}
