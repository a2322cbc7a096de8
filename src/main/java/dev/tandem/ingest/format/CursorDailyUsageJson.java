package dev.tandem.ingest.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;

/** {@code cursor-daily-usage-json}: the Cursor Admin API {@code daily-usage-data} response. */
public final class CursorDailyUsageJson extends JsonFormat {

  /** The counts of AI actions: a day is active only with one of them above 0. */
  static final String[] AI_ACTIONS = {
    "/totalTabsAccepted",
    "/totalAccepts",
    "/composerRequests",
    "/chatRequests",
    "/agentRequests",
    "/cmdkUsages",
    "/bugbotUsages"
  };

  public CursorDailyUsageJson() {
    super(
        "cursor-daily-usage-json",
        "Cursor Admin API daily-usage-data response, JSON",
        RowKind.USAGE_DAY,
        "cursor",
        "data");
  }

  @Override
  void record(JsonNode node, Cells c, ParseContext context, RowSink sink) {
    // The day is `day` when present; `date` is the request's start time plus whole days.
    LocalDate day =
        JsonRecords.text(node, "/day") != null
            ? JsonRecords.day(c, node, "/day")
            : JsonRecords.day(c, node, "/date");
    String email = c.email("email", JsonRecords.text(node, "/email"));
    Boolean isActive = JsonRecords.bool(c, node, "/isActive");
    if (isActive == null) {
      c.error("isActive", "is missing; expected true or false");
    }
    Long interactions = null;
    for (String field :
        new String[] {"/composerRequests", "/chatRequests", "/agentRequests", "/cmdkUsages"}) {
      Long v = JsonRecords.count(c, node, field);
      if (v != null) {
        interactions = (interactions == null ? 0 : interactions) + v;
      }
    }
    // Active: the editor was open (isActive) and at least one AI action was taken.
    boolean aiAction = false;
    for (String field : AI_ACTIONS) {
      aiAction |= CopilotUserMetricsNdjson.positive(JsonRecords.count(c, node, field));
    }
    Long agentRequests = JsonRecords.count(c, node, "/agentRequests");
    Long composerRequests = JsonRecords.count(c, node, "/composerRequests");
    Boolean agent =
        agentRequests == null && composerRequests == null
            ? null
            : CopilotUserMetricsNdjson.positive(agentRequests)
                || CopilotUserMetricsNdjson.positive(composerRequests);
    Long lines = JsonRecords.count(c, node, "/acceptedLinesAdded");
    Long usageBased = JsonRecords.count(c, node, "/usageBasedReqs");
    // An acceptance rate needs both: suggested = accepts + rejects, accepted = accepts.
    Long rejects = JsonRecords.count(c, node, "/totalRejects");
    Long accepts = rejects == null ? null : JsonRecords.count(c, node, "/totalAccepts");
    ParsedRow.Acceptance acceptance =
        rejects == null || accepts == null
            ? null
            : ParsedRow.Acceptance.of(c.total("totalRejects", accepts, rejects), accepts);
    if (c.ok()) {
      sink.row(
          ParsedRow.Usage.daily(
                  c.line(),
                  email,
                  "cursor",
                  day,
                  Boolean.TRUE.equals(isActive) && aiAction,
                  interactions,
                  lines,
                  null,
                  agent)
              .withSpend(
                  usageBased == null
                      ? null
                      : new ParsedRow.Spend(null, null, null, usageBased, null))
              .withAcceptance(acceptance));
    }
  }
}
