package dev.tandem.costs;

import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import dev.tandem.security.AsAdmin;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The small organisation of the cost tests, imported through the real pipeline. Teams alpha (a1–a4
 * and L, who left on 2026-10-31) and beta (b1, b2) under engineering. Copilot business costs 19.00
 * a month from 2026-01-01 and 30.00 from 2026-11-16.
 */
final class CostsFixture {

  static final String ROSTER =
      "email,name,team_path,started_on,left_on,excluded\n"
          + "a1@example.com,A One,engineering/alpha,2024-01-01,,\n"
          + "a2@example.com,A Two,engineering/alpha,2024-01-01,,\n"
          + "a3@example.com,A Three,engineering/alpha,2024-01-01,,\n"
          + "a4@example.com,A Four,engineering/alpha,2024-01-01,,\n"
          + "l@example.com,L Leaver,engineering/alpha,2024-01-01,2026-10-31,\n"
          + "b1@example.com,B One,engineering/beta,2024-01-01,,\n"
          + "b2@example.com,B Two,engineering/beta,2024-01-01,,\n";

  static final String SEATS =
      "tool,email,seat_type,assigned_on,removed_on,monthly_price\n"
          + "copilot,a1@example.com,business,2026-10-01,,\n"
          + "copilot,a2@example.com,business,2026-10-01,2026-11-11,\n"
          + "cursor,a3@example.com,teams,2026-11-01,,40\n"
          + "copilot,l@example.com,business,2026-06-01,,\n"
          + "kiro,a4@example.com,pro,2026-11-01,,\n";

  static final String USAGE =
      "week,email,tool,active_days\n"
          + "2026-W41,a1@example.com,copilot,2\n"
          + "2026-W42,a1@example.com,copilot,1\n"
          + "2026-W47,a1@example.com,copilot,3\n"
          + "2026-W47,b2@example.com,copilot,1\n";

  /** a4 on Kiro on 2026-11-17: 120.5 credits, 50 of them overage. */
  static final String KIRO =
      "Date,UserId,Client_Type,Subscription_Tier,ProfileId,Chat_Conversations,Credits_Used,"
          + "Overage_Cap,Overage_Credits_Used,Overage_Enabled,Total_Messages,New_User,User_Email\n"
          + "2026-11-17,kiro-user-a4,KIRO_IDE,PRO,prof-1,3,120.5,1000,50,true,12,false,"
          + "a4@example.com\n";

  /** b1 on Claude Code on 2026-11-17: two models, 250 and 130 US cents. */
  static final String CLAUDE_CODE =
      "{\"data\":[{\"date\":\"2026-11-17T00:00:00Z\",\"actor\":{\"type\":\"user_actor\","
          + "\"email_address\":\"b1@example.com\"},\"organization_id\":\"org-1\","
          + "\"customer_type\":\"api\",\"terminal_type\":\"vscode\",\"core_metrics\":"
          + "{\"num_sessions\":2,\"lines_of_code\":{\"added\":40,\"removed\":3}},"
          + "\"tool_actions\":{\"edit_tool\":{\"accepted\":3,\"rejected\":0}},"
          + "\"model_breakdown\":[{\"model\":\"claude-sonnet-4-5\",\"estimated_cost\":"
          + "{\"currency\":\"USD\",\"amount\":250}},{\"model\":\"claude-haiku-4-5\","
          + "\"estimated_cost\":{\"currency\":\"USD\",\"amount\":130}}]}],"
          + "\"has_more\":false,\"next_page\":null}";

  private CostsFixture() {}

  static void load(ImportService imports, PriceService prices) {
    AsAdmin.call(
        () -> {
          check(imp(imports, ROSTER, "tandem-roster-csv"));
          check(imp(imports, SEATS, "tandem-seats-csv"));
          check(imp(imports, USAGE, "tandem-usage-csv"));
          check(imp(imports, KIRO, "kiro-user-report-csv"));
          check(imp(imports, CLAUDE_CODE, "claude-code-usage-json"));
          prices.savePrice(
              "copilot", "business", LocalDate.parse("2026-01-01"), new BigDecimal("19"));
          prices.savePrice(
              "copilot", "business", LocalDate.parse("2026-11-16"), new BigDecimal("30"));
          return null;
        });
  }

  static ImportResult imp(ImportService imports, String text, String format) {
    return imports.importFile(
        new ImportRequest(format, ImportMode.ALL_OR_NOTHING, false, format, null),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  static void check(ImportResult r) {
    if (!r.errors().isEmpty() || r.rowsUnmatched() > 0) {
      throw new IllegalStateException(
          r.format() + ": " + r.errors() + " unmatched " + r.rowsUnmatched());
    }
  }
}
