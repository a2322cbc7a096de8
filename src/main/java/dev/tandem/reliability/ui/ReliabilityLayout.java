package dev.tandem.reliability.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.base.ui.chart.EChart;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.stats.RateRatio;
import java.util.List;

/** The Reliability screen's layout pieces and its "How is this computed?" text. */
final class ReliabilityLayout {

  private ReliabilityLayout() {}

  /** A chart with the sentence that clicking its marks lists their incidents. */
  static VerticalLayout clickHint(EChart chart, String mark) {
    Paragraph hint = new Paragraph("Click " + mark + " to list those incidents.");
    hint.addClassName("tandem-explainer");
    VerticalLayout box = new VerticalLayout(chart, hint);
    box.setPadding(false);
    box.setSpacing(false);
    return box;
  }

  static Div fullWidth(Div div) {
    div.setWidthFull();
    return div;
  }

  static EChart chart(String id, String label) {
    EChart chart = new EChart(label);
    chart.setId(id);
    return chart;
  }

  static VerticalLayout section(String title, com.vaadin.flow.component.Component body) {
    VerticalLayout section = new VerticalLayout(new H2(title), body);
    section.setPadding(false);
    return section;
  }

  /**
   * Two sections side by side, each at least 28rem wide, wrapping below each other when narrower
   * (the basis applies only here: in the page's column it was a 28rem height, a blank gap).
   */
  static FlexLayout row(VerticalLayout left, VerticalLayout right) {
    for (VerticalLayout side : List.of(left, right)) {
      side.addClassName("tandem-half");
    }
    FlexLayout row = new FlexLayout(left, right);
    row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    row.setWidthFull();
    row.addClassName(LumoUtility.Gap.LARGE);
    return row;
  }

  static Div formula() {
    Div d = new Div();
    d.addClassName("tandem-explainer");
    d.add(
        new Paragraph(
            "Rate = incidents ÷ exposure. Exposure is changes attributed to the tool (baseline:"
                + " changes without AI), or developer-weeks in headcount with the tool used on at"
                + " least one day (baseline: developer-weeks without any AI use)."),
        new Paragraph(
            "Rate ratio RR = rate(tool) ÷ rate(baseline). 95% CI by the exact conditional method:"
                + " the Clopper–Pearson interval [pL, pU] for x1 tool incidents out of x1 + x0,"
                + " mapped to RR = p/(1−p) · E(baseline)/E(tool). p-value: the central exact test,"
                + " 2·min(P(X ≤ x1), P(X ≥ x1)) with X ~ Binomial(x1 + x0, E(tool)/(E(tool) +"
                + " E(baseline)))."),
        new Paragraph(
            "Verdict: higher if the whole interval lies above 1, lower if below 1, otherwise no"
                + " evidence of a difference. Fewer than "
                + RateRatio.STABLE_FROM
                + " incidents in a comparison: unstable."
                + " Several tools are compared with the same baseline at once, so some would look"
                + " higher by chance: the table leads with the verdict that allows for that (Holm's"
                + " adjustment of the p-values over the tools compared; higher or lower only when"
                + " the adjusted p is below 0.05 too), and shows each comparison's own verdict and p"
                + " beside it."
                + " An incident belongs to the week it started in and to its owning team;"
                + " incidents whose AI involvement is unknown count in neither group."),
        new Paragraph(ReliabilityFormat.WITHIN_TEAMS_EXPLAINED));
    return d;
  }
}
