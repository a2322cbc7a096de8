package dev.tandem.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.Locale;

/**
 * {@code copilot-user-metrics-ndjson}: GitHub Copilot's {@code users-1-day} (or {@code
 * users-28-day}) report, one JSON object per user and day.
 */
public final class CopilotUserMetricsNdjson implements FormatParser {

  @Override
  public String key() {
    return "copilot-user-metrics-ndjson";
  }

  @Override
  public String description() {
    return "GitHub Copilot usage metrics user report (users-1-day), NDJSON";
  }

  @Override
  public RowKind kind() {
    return RowKind.USAGE_DAY;
  }

  @Override
  public String identitySource(ParseContext context) {
    return "copilot";
  }

  @Override
  public void parse(Reader in, ParseContext context, RowSink sink) throws IOException {
    JsonRecords.readLines(
        in,
        sink,
        (node, line, number) -> {
          Cells c = new Cells(line, sink);
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
          boolean active =
              positive(interactions)
                  || positive(generations)
                  || positive(acceptances)
                  || Boolean.TRUE.equals(JsonRecords.bool(c, node, "/used_agent"))
                  || Boolean.TRUE.equals(JsonRecords.bool(c, node, "/used_chat"))
                  || Boolean.TRUE.equals(JsonRecords.bool(c, node, "/used_cli"));
          if (c.ok()) {
            sink.row(
                ParsedRow.Usage.daily(
                    line,
                    identity.contains("@") ? identity.toLowerCase(Locale.ROOT) : identity,
                    "copilot",
                    day,
                    active,
                    interactions,
                    added,
                    null));
          }
        });
  }

  static boolean positive(Long value) {
    return value != null && value > 0;
  }
}
