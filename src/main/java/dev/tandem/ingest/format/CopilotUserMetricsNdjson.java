package dev.tandem.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Locale;

/**
 * {@code copilot-user-metrics-ndjson}: GitHub Copilot's {@code users-1-day} (or {@code
 * users-28-day}) report, one JSON object per user and day: one per line, or one top-level JSON
 * array of them (the form GitHub's documentation prints).
 */
public final class CopilotUserMetricsNdjson extends JsonFormat {

  public CopilotUserMetricsNdjson() {
    super(
        "copilot-user-metrics-ndjson",
        "GitHub Copilot usage metrics user report (users-1-day), NDJSON",
        RowKind.USAGE_DAY,
        "copilot",
        null);
  }

  @Override
  void record(JsonNode node, Cells c, ParseContext context, RowSink sink) {
    LocalDate day = JsonRecords.day(c, node, "/day");
    String email = JsonRecords.text(node, "/email");
    String login = JsonRecords.text(node, "/user_login");
    String identity =
        email != null && !email.isBlank()
            ? c.email("email", email)
            : c.required("user_login", login, FieldLimits.EXTERNAL_ID);
    Long interactions = JsonRecords.count(c, node, "/user_initiated_interaction_count");
    Long generations = JsonRecords.count(c, node, "/code_generation_activity_count");
    Long acceptances = JsonRecords.count(c, node, "/code_acceptance_activity_count");
    Long added = JsonRecords.count(c, node, "/loc_added_sum");
    // Lines suggested and lines accepted: the counts of an acceptance rate.
    Long suggested = JsonRecords.count(c, node, "/loc_suggested_to_add_sum");
    Boolean usedAgent = JsonRecords.bool(c, node, "/used_agent");
    boolean active =
        positive(interactions)
            || positive(generations)
            || positive(acceptances)
            || Boolean.TRUE.equals(usedAgent)
            || Boolean.TRUE.equals(JsonRecords.bool(c, node, "/used_chat"))
            || Boolean.TRUE.equals(JsonRecords.bool(c, node, "/used_cli"))
            || Boolean.TRUE.equals(JsonRecords.bool(c, node, "/used_copilot_coding_agent"))
            || Boolean.TRUE.equals(JsonRecords.bool(c, node, "/used_copilot_cloud_agent"));
    Boolean agent = agent(c, node, usedAgent);
    java.math.BigDecimal aiCredits =
        c.amount("ai_credits_used", JsonRecords.decimal(c, node, "/ai_credits_used"));
    if (c.ok()) {
      sink.row(
          ParsedRow.Usage.daily(
                  c.line(),
                  identity.contains("@") ? identity.toLowerCase(Locale.ROOT) : identity,
                  "copilot",
                  day,
                  active,
                  interactions,
                  added,
                  null,
                  agent)
              .withSpend(
                  aiCredits == null ? null : new ParsedRow.Spend(aiCredits, null, null, null, null))
              .withAcceptance(ParsedRow.Acceptance.of(suggested, added)));
    }
  }

  /** Agent features of {@code totals_by_feature}. */
  static final java.util.Set<String> AGENT_FEATURES =
      java.util.Set.of("agent_edit", "chat_panel_agent_mode", "copilot_cli");

  /**
   * An agent day: {@code used_agent}, {@code used_copilot_coding_agent} or {@code
   * used_copilot_cloud_agent} true, or activity in an agent feature of {@code totals_by_feature};
   * null when the record carries none of these fields (it cannot tell).
   */
  private static Boolean agent(
      Cells c, com.fasterxml.jackson.databind.JsonNode node, Boolean used) {
    Boolean coding = JsonRecords.bool(c, node, "/used_copilot_coding_agent");
    Boolean cloud = JsonRecords.bool(c, node, "/used_copilot_cloud_agent");
    com.fasterxml.jackson.databind.JsonNode features = node.path("totals_by_feature");
    boolean featureActivity = false;
    if (features.isArray()) {
      for (com.fasterxml.jackson.databind.JsonNode f : features) {
        if (AGENT_FEATURES.contains(f.path("feature").asText())) {
          for (var it = f.fields(); it.hasNext(); ) {
            var v = it.next().getValue();
            featureActivity |= v.isNumber() && v.asDouble() > 0;
          }
        }
      }
    }
    if (used == null && coding == null && cloud == null && !features.isArray()) {
      return null;
    }
    return Boolean.TRUE.equals(used)
        || Boolean.TRUE.equals(coding)
        || Boolean.TRUE.equals(cloud)
        || featureActivity;
  }

  static boolean positive(Long value) {
    return value != null && value > 0;
  }
}
