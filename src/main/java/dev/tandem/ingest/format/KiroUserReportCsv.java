package dev.tandem.ingest.format;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code kiro-user-report-csv}: Kiro's per-client user report, written as one file per client type
 * and day; the rows of all client types for one user and day are one day of use. A row whose {@code
 * UserId} is not mapped matches by {@code User_Email} when that is on the roster.
 */
public final class KiroUserReportCsv extends CsvFormat {

  public KiroUserReportCsv() {
    super(
        "kiro-user-report-csv",
        "Kiro user report by client CSV (UserId, Date, Client_Type, Credits_Used, ...)",
        RowKind.USAGE_DAY,
        "kiro",
        List.of("UserId", "Date"));
  }

  @Override
  public boolean tiersAreSeats() {
    return true;
  }

  /** One file per client type and day: a client's part is replaced by that client's file only. */
  @Override
  public boolean partsReplacedSeparately() {
    return true;
  }

  @Override
  void row(CsvTable.Row row, Cells c, ParseContext context, RowSink sink) {
    String user = c.required("UserId", row.get("UserId"), FieldLimits.EXTERNAL_ID);
    LocalDate day = c.vendorDate("Date", row.get("Date"));
    Long messages = c.count("Total_Messages", row.get("Total_Messages"), false);
    Long conversations = c.count("Chat_Conversations", row.get("Chat_Conversations"), false);
    BigDecimal credits =
        c.amount("Credits_Used", c.decimal("Credits_Used", row.get("Credits_Used")));
    BigDecimal overage =
        c.amount(
            "Overage_Credits_Used",
            c.decimal("Overage_Credits_Used", row.get("Overage_Credits_Used")));
    String tier =
        c.optional("Subscription_Tier", row.get("Subscription_Tier"), FieldLimits.KEYWORD);
    boolean active =
        (messages != null && messages > 0)
            || (conversations != null && conversations > 0)
            || (credits != null && credits.signum() > 0);
    String client = c.optional("Client_Type", row.get("Client_Type"), FieldLimits.DISCRIMINATOR);
    String email =
        Cells.blank(row.get("User_Email")) ? null : c.email("User_Email", row.get("User_Email"));
    if (c.ok()) {
      // Kiro is agentic throughout (IDE and CLI): every active day is an agent day.
      sink.row(
          ParsedRow.Usage.daily(row.line(), user, "kiro", day, active, messages, null, client, true)
              .withEmail(email)
              .withSpend(new ParsedRow.Spend(credits, overage, tier, null, null)));
    }
  }
}
