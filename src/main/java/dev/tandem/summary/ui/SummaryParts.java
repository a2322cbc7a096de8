package dev.tandem.summary.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.reliability.CausesAndSafeguards;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.SafeguardComparison;
import dev.tandem.reliability.SafeguardFormat;
import dev.tandem.stats.RateRatio;

/** The summary's safeguard table, its footnote and the small builders its sections share. */
final class SummaryParts {

  private SummaryParts() {}

  static Div safeguards(CausesAndSafeguards cs) {
    Div section = section("Safeguards: AI-involved against other incidents", "summary-safeguards");
    Paragraph lead = new Paragraph(SafeguardFormat.safeguardSentence(cs.lead()));
    lead.setId("summary-safeguard-sentence");
    lead.addClassName(LumoUtility.FontWeight.SEMIBOLD);
    NativeTable table = new NativeTable();
    table.setId("summary-safeguard-table");
    NativeTableHeader head = new NativeTableHeader();
    head.add(
        headerRow(
            "Safeguard gap",
            "AI-involved (" + ReliabilityFormat.count(cs.aiInvolved().incidents()) + ")",
            "Other incidents (" + ReliabilityFormat.count(cs.other().incidents()) + ")",
            "AI-involved vs other"));
    NativeTableBody body = new NativeTableBody();
    for (SafeguardComparison c : cs.headline()) {
      body.add(
          row(
              c.safeguard().label(),
              SafeguardFormat.safeguardGap(c.gap()),
              SafeguardFormat.safeguardGap(c.other()),
              !c.comparable()
                  ? "–"
                  : (SafeguardFormat.timesAsOften(c).isEmpty()
                          ? ""
                          : SafeguardFormat.timesAsOften(c) + " · ")
                      + "Fisher's p "
                      + ReliabilityFormat.pValue(c.p())));
    }
    table.add(head, body);
    section.add(lead, table);
    return section;
  }

  static Div footnote(int k) {
    Div note = new Div();
    note.setId("summary-definitions");
    note.addClassName("summary-footnote");
    note.add(
        new Paragraph(
            "Definitions. Headcount: developers on the roster, not excluded, employed in the week."
                + " Adoption: developers in headcount who used an AI coding tool on at least one"
                + " day of the week ÷ headcount; agent use likewise with an agent mode; over a"
                + " range pooled over developer-weeks, never averaged. Rate: incidents ÷ exposure,"
                + " where exposure is changes attributed to the tool (baseline: changes without"
                + " AI; only changes of developers in headcount that week count) or developer-weeks"
                + " with the tool used (baseline: without any AI use). Rate ratio: the rate ÷ the"
                + " baseline rate, with an exact 95% confidence interval and two-sided p (the"
                + " exact conditional binomial method). Verdict: higher or lower when the whole"
                + " interval lies above or below 1; as several tools are compared with one"
                + " baseline, the verdict shown says higher or lower only when the Holm-adjusted"
                + " p (in brackets) is below 0.05 as well. Fewer than "
                + RateRatio.STABLE_FROM
                + " incidents in a comparison: unstable. An incident counts in the week it started"
                + " and for its owning team; incidents whose AI involvement is unknown count in"
                + " neither group. Safeguard gaps: shares of incidents not peer-reviewed, without"
                + " required approval, or where permissions were exceeded. Groups of fewer than "
                + k
                + " developers are not shown."));
    return note;
  }

  static Div section(String title, String id) {
    Div section = new Div(new H2(title));
    section.setId(id);
    section.addClassName("summary-section");
    return section;
  }

  static NativeTableRow headerRow(String... cells) {
    NativeTableRow row = new NativeTableRow();
    for (String c : cells) {
      row.add(new NativeTableHeaderCell(c));
    }
    return row;
  }

  static NativeTableRow row(String... cells) {
    NativeTableRow row = new NativeTableRow();
    for (String c : cells) {
      row.add(new NativeTableCell(c));
    }
    return row;
  }
}
