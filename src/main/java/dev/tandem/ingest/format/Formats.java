package dev.tandem.ingest.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Every import format Tandem reads, and recognising one from the start of a file. */
public final class Formats {

  private static final List<FormatParser> ALL =
      List.of(
          new TandemRosterCsv(),
          new TandemUsageCsv(),
          new TandemChangesCsv(),
          new TandemIncidentsCsv(),
          new IdentityMapCsv(),
          new CopilotUserMetricsNdjson(),
          new QDeveloperCsv(),
          new KiroUserReportCsv(),
          new CursorDailyUsageJson(),
          new ClaudeCodeUsageJson(),
          new TandemSeatsCsv(),
          new CopilotSeatsJson(),
          new CursorMembersJson(),
          new PagerDutyIncidentsJson());

  private Formats() {}

  public static List<FormatParser> all() {
    return ALL;
  }

  public static Optional<FormatParser> byKey(String key) {
    return ALL.stream().filter(f -> f.key().equals(key)).findFirst();
  }

  /**
   * A UTF-8 reader over {@code in} without a leading BOM; undecodable bytes fail the read with a
   * {@link java.nio.charset.CharacterCodingException} rather than turning into replacement chars.
   */
  public static Reader utf8(InputStream in) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(3);
    byte[] bom = buffered.readNBytes(3);
    if (!(bom.length == 3
        && bom[0] == (byte) 0xEF
        && bom[1] == (byte) 0xBB
        && bom[2] == (byte) 0xBF)) {
      buffered.reset();
    }
    return new InputStreamReader(
        buffered,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  /** True when the start of a file holds bytes no text file has (NUL, most control bytes). */
  public static boolean looksBinary(byte[] head, int length) {
    int control = 0;
    for (int i = 0; i < length; i++) {
      int b = head[i] & 0xFF;
      if (b == 0) {
        return true;
      }
      if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
        control++;
      }
    }
    return length > 0 && control * 20 > length;
  }

  /** The format whose layout the start of a file shows, if any. */
  public static Optional<String> detect(byte[] head, int length) {
    String text = new String(head, 0, length, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String start = text.stripLeading();
    if (start.startsWith("{")) {
      String compact = start.replaceAll("\\s+", "");
      if (compact.contains("\"seats\":[") || compact.contains("\"total_seats\"")) {
        return Optional.of("copilot-seats-json");
      }
      if (compact.contains("\"teamMembers\":[")) {
        return Optional.of("cursor-members-json");
      }
      if (compact.contains("\"incidents\":[")) {
        return Optional.of("pagerduty-incidents-json");
      }
      if (compact.contains("\"user_login\"")
          || compact.contains("\"user_initiated_interaction_count\"")) {
        return Optional.of("copilot-user-metrics-ndjson");
      }
      if (compact.contains("\"actor\":") || compact.contains("\"core_metrics\"")) {
        return Optional.of("claude-code-usage-json");
      }
      if (compact.contains("\"isActive\"") || compact.contains("\"acceptedLinesAdded\"")) {
        return Optional.of("cursor-daily-usage-json");
      }
      return Optional.empty();
    }
    int end = start.indexOf('\n');
    List<String> header =
        List.of((end < 0 ? start : start.substring(0, end)).toLowerCase(Locale.ROOT).split(","))
            .stream()
            .map(h -> h.trim().replace("\"", ""))
            .toList();
    if (header.contains("userid") && header.contains("client_type")) {
      return Optional.of("kiro-user-report-csv");
    }
    if (header.contains("userid") && header.contains("date")) {
      return Optional.of("q-developer-csv");
    }
    if (header.contains("seat_type") && header.contains("assigned_on")) {
      return Optional.of("tandem-seats-csv");
    }
    if (header.contains("team_path")) {
      return Optional.of("tandem-roster-csv");
    }
    if (header.contains("external_id") && header.contains("source")) {
      return Optional.of("identity-map-csv");
    }
    if (header.contains("active_days")) {
      return Optional.of("tandem-usage-csv");
    }
    if (header.contains("changes") && header.contains("week")) {
      return Optional.of("tandem-changes-csv");
    }
    if (header.contains("ai_involvement") || header.contains("severity")) {
      return Optional.of("tandem-incidents-csv");
    }
    return Optional.empty();
  }
}
