package dev.tandem.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Iterator;

/**
 * {@code claude-code-usage-json}: the Claude Code analytics API response. An API-key actor is not a
 * person: its rows are kept as unmatched under {@code api-key:NAME}.
 */
public final class ClaudeCodeUsageJson extends JsonFormat {

  public ClaudeCodeUsageJson() {
    super(
        "claude-code-usage-json",
        "Claude Code analytics API usage report, JSON",
        RowKind.USAGE_DAY,
        "claude-code",
        "data");
  }

  @Override
  public boolean tiersAreSeats() {
    return true;
  }

  @Override
  void record(JsonNode node, Cells c, ParseContext context, RowSink sink) {
    LocalDate day = JsonRecords.day(c, node, "/date");
    String type = JsonRecords.text(node, "/actor/type");
    String identity = null;
    if ("user_actor".equals(type)) {
      identity = c.email("actor.email_address", JsonRecords.text(node, "/actor/email_address"));
    } else if ("api_actor".equals(type)) {
      String key =
          c.required(
              "actor.api_key_name",
              JsonRecords.text(node, "/actor/api_key_name"),
              FieldLimits.EXTERNAL_ID - "api-key:".length());
      identity = key == null ? null : "api-key:" + key;
    } else {
      c.error(
          "actor.type",
          Cells.quote(type) + " is not an actor type; expected user_actor or api_actor");
    }
    Long sessions = JsonRecords.count(c, node, "/core_metrics/num_sessions");
    Long added = JsonRecords.count(c, node, "/core_metrics/lines_of_code/added");
    long accepted = 0;
    long rejected = 0;
    JsonNode actions = node.path("tool_actions");
    // The acceptance counts need accepted and rejected of every tool action.
    boolean bothCounts = actions.isObject() && !actions.isEmpty();
    for (Iterator<String> it = actions.fieldNames(); it.hasNext(); ) {
      String action = it.next();
      Long v = JsonRecords.count(c, node, "/tool_actions/" + action + "/accepted");
      Long r = JsonRecords.count(c, node, "/tool_actions/" + action + "/rejected");
      Long a = c.total("tool_actions." + action + ".accepted", accepted, v == null ? 0 : v);
      Long j = c.total("tool_actions." + action + ".rejected", rejected, r == null ? 0 : r);
      accepted = a == null ? 0 : a;
      rejected = j == null ? 0 : j;
      bothCounts &= v != null && r != null;
    }
    ParsedRow.Acceptance acceptance =
        bothCounts
            ? ParsedRow.Acceptance.of(c.total("tool_actions", accepted, rejected), accepted)
            : null;
    boolean active = CopilotUserMetricsNdjson.positive(sessions) || accepted > 0;
    // Estimated cost: model_breakdown[].estimated_cost.amount (US cents), summed over models.
    java.math.BigDecimal cost = null;
    JsonNode models = node.path("model_breakdown");
    for (int i = 0; models.isArray() && i < models.size(); i++) {
      java.math.BigDecimal amount =
          JsonRecords.decimal(c, node, "/model_breakdown/" + i + "/estimated_cost/amount");
      if (amount != null) {
        cost = cost == null ? amount : cost.add(amount);
      }
    }
    cost = c.amount("model_breakdown.estimated_cost.amount", cost);
    String terminal =
        c.optional(
            "terminal_type",
            JsonRecords.text(node, "/terminal_type"),
            FieldLimits.DISCRIMINATOR - "|remote".length());
    // Local and remote rows of one actor and day are pieces of the day, summed.
    boolean remote = Boolean.TRUE.equals(JsonRecords.bool(c, node, "/is_remote"));
    String piece = (terminal == null ? "" : terminal) + (remote ? "|remote" : "");
    // A subscription seat's plan (enterprise, team, …): only subscription customers have
    // one; API customers pay per use (the estimated cost), without a seat.
    String tier = null;
    if ("subscription".equals(JsonRecords.text(node, "/customer_type"))) {
      String plan =
          c.optional(
              "subscription_type",
              JsonRecords.text(node, "/subscription_type"),
              FieldLimits.KEYWORD);
      tier = plan == null ? null : plan.toLowerCase(java.util.Locale.ROOT);
    }
    if (c.ok()) {
      // Claude Code is an agentic CLI: every active day is an agent day.
      sink.row(
          ParsedRow.Usage.daily(
                  c.line(), identity, "claude-code", day, active, sessions, added, piece, true)
              .withSpend(
                  cost == null && tier == null
                      ? null
                      : new ParsedRow.Spend(null, null, tier, null, cost))
              .withAcceptance(acceptance));
    }
  }
}
