package dev.tandem.ingest.format;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * {@code q-developer-csv}: the Amazon Q Developer (or Kiro legacy) {@code by_user_analytic} daily
 * report, one row per user and day. The tool is {@code q-developer} unless the import names one.
 */
public final class QDeveloperCsv extends CsvFormat {

  static final List<String> INTERACTIONS =
      List.of(
          "Chat_MessagesSent",
          "Inline_AcceptanceCount",
          "InlineChat_TotalEventCount",
          "CodeFix_GenerationEventCount",
          "Dev_GenerationEventCount",
          "DocGeneration_EventCount",
          "TestGeneration_EventCount",
          "Transformation_EventCount");
  static final List<String> ACCEPTED_LINES =
      List.of(
          "Chat_AICodeLines",
          "Inline_AICodeLines",
          "InlineChat_AcceptedLineAdditions",
          "CodeFix_AcceptedLines",
          "Dev_AcceptedLines",
          "DocGeneration_AcceptedLineAdditions",
          "TestGeneration_AcceptedLines");

  /** Every metric column the report documents; each must hold a whole number when present. */
  static final Set<String> METRICS =
      Set.of(
          "Chat_AICodeLines",
          "Chat_MessagesInteracted",
          "Chat_MessagesSent",
          "Inline_AICodeLines",
          "Inline_AcceptanceCount",
          "Inline_SuggestionsCount",
          "InlineChat_TotalEventCount",
          "InlineChat_AcceptanceEventCount",
          "InlineChat_AcceptedLineAdditions",
          "InlineChat_AcceptedLineDeletions",
          "InlineChat_DismissalEventCount",
          "InlineChat_DismissedLineAdditions",
          "InlineChat_DismissedLineDeletions",
          "InlineChat_RejectedLineAdditions",
          "InlineChat_RejectedLineDeletions",
          "InlineChat_RejectionEventCount",
          "CodeFix_AcceptanceEventCount",
          "CodeFix_AcceptedLines",
          "CodeFix_GeneratedLines",
          "CodeFix_GenerationEventCount",
          "CodeReview_FindingsCount",
          "CodeReview_SucceededEventCount",
          "CodeReview_FailedEventCount",
          "Dev_AcceptanceEventCount",
          "Dev_AcceptedLines",
          "Dev_GeneratedLines",
          "Dev_GenerationEventCount",
          "DocGeneration_AcceptedFileUpdates",
          "DocGeneration_AcceptedFilesCreations",
          "DocGeneration_AcceptedLineAdditions",
          "DocGeneration_AcceptedLineUpdates",
          "DocGeneration_EventCount",
          "DocGeneration_RejectedFileCreations",
          "DocGeneration_RejectedFileUpdates",
          "DocGeneration_RejectedLineAdditions",
          "DocGeneration_RejectedLineUpdates",
          "TestGeneration_AcceptedLines",
          "TestGeneration_AcceptedTests",
          "TestGeneration_EventCount",
          "TestGeneration_GeneratedLines",
          "TestGeneration_GeneratedTests",
          "Transformation_EventCount",
          "Transformation_LinesGenerated",
          "Transformation_LinesIngested");

  public QDeveloperCsv() {
    super(
        "q-developer-csv",
        "Amazon Q Developer / Kiro by_user_analytic daily CSV (UserId, Date, metrics)",
        RowKind.USAGE_DAY,
        null,
        List.of("UserId", "Date"));
  }

  @Override
  public String identitySource(ParseContext context) {
    return tool(context);
  }

  private static String tool(ParseContext context) {
    return context.tool() == null ? "q-developer" : context.tool();
  }

  @Override
  public void parse(Reader in, ParseContext context, RowSink sink) throws IOException {
    String tool = tool(context);
    if (!context.toolKeys().contains(tool)) {
      sink.error(
          0,
          "tool",
          "unknown tool " + Cells.quote(tool) + "; expected one of " + context.toolKeys());
      return;
    }
    super.parse(in, context, sink);
  }

  @Override
  void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink) {
    String tool = tool(context);
    String user = c.required("UserId", row.get("UserId"), FieldLimits.EXTERNAL_ID);
    LocalDate day = c.vendorDate("Date", row.get("Date"));
    boolean active = false;
    boolean agent = false;
    for (String metric : METRICS) {
      Long value = c.count(metric, row.get(metric), false);
      active |= value != null && value > 0;
      agent |= value != null && value > 0 && agentMetric(metric);
    }
    Long interactions = sum(c, row, INTERACTIONS);
    Long lines = sum(c, row, ACCEPTED_LINES);
    // Inline suggestions shown and accepted: the counts of an acceptance rate (both columns).
    ParsedRow.Acceptance acceptance =
        ParsedRow.Acceptance.of(
            sum(c, row, List.of("Inline_SuggestionsCount")),
            sum(c, row, List.of("Inline_AcceptanceCount")));
    if (c.ok()) {
      sink.row(
          ParsedRow.Usage.daily(
                  row.line(),
                  user,
                  tool,
                  day,
                  active,
                  interactions,
                  lines,
                  null,
                  // Kiro (through its legacy report) is agentic throughout.
                  "kiro".equals(tool) || agent)
              .withAcceptance(acceptance));
    }
  }

  /** Q Developer's agents: /dev, test generation, documentation generation, transformation. */
  static boolean agentMetric(String metric) {
    return metric.startsWith("Dev_")
        || metric.startsWith("TestGeneration_")
        || metric.startsWith("DocGeneration_")
        || metric.startsWith("Transformation_");
  }

  /** Sum of the present columns (a missing column counts 0); null when none is present. */
  private static Long sum(Cells c, CsvTable.Row row, List<String> columns) {
    Long total = null;
    for (String column : columns) {
      if (row.has(column)) {
        String cell = row.get(column);
        boolean number = !Cells.blank(cell) && cell.trim().matches("\\d{1,18}");
        total = (total == null ? 0 : total) + (number ? Long.parseLong(cell.trim()) : 0);
      }
    }
    return total;
  }
}
