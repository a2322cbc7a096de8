package dev.tandem.adoption.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.adoption.OwnUsage;
import dev.tandem.base.WeekRange;
import dev.tandem.base.ui.chart.ChartSpec;
import dev.tandem.base.ui.chart.EChart;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** The signed-in person's own AI usage per week and tool: anyone may see their own. */
@Route("my-usage")
@PageTitle("My usage · Tandem")
@Menu(title = "My usage", order = 5, icon = "vaadin:user")
@PermitAll
public class MyUsageView extends VerticalLayout {

  MyUsageView(AdoptionService adoption, ToolService toolService) {
    addClassName("tandem-page");
    setWidthFull();
    add(new H1("My usage"));
    if (!adoption.hasOwnUsage()) {
      add(
          new Paragraph(
              "Your sign-in is not linked to a developer record, so there is no own usage to show. An admin can link "
                  + "it under Users and tokens."));
      return;
    }
    WeekRange range = adoption.defaultRange();
    List<OwnUsage> usage = adoption.myUsage(range);
    Paragraph explainer =
        new Paragraph(
            "Active days per week and tool over the last "
                + range.size()
                + " complete weeks, as imported from the tools' own exports. A week with at least one active day counts you as an AI user;"
                + " one with an agent day (the tool acted on its own across files, terminals or tools) as an agent user.");
    explainer.addClassName("tandem-explainer");
    List<String> weeks = range.weeks().stream().map(Object::toString).toList();
    java.util.Map<String, String> names =
        toolService.tools().stream()
            .collect(java.util.stream.Collectors.toMap(Tool::key, Tool::name, (a, b) -> a));
    TreeSet<String> tools = new TreeSet<>();
    usage.forEach(u -> tools.add(u.tool()));
    List<ChartSpec.Series> series =
        tools.stream()
            .map(
                tool ->
                    new ChartSpec.Series(
                        names.getOrDefault(tool, tool),
                        range.weeks().stream()
                            .map(
                                w ->
                                    usage.stream()
                                        .filter(u -> u.week().equals(w) && u.tool().equals(tool))
                                        .mapToInt(OwnUsage::activeDays)
                                        .sum())
                            .toList()))
            .toList();
    EChart chart = new EChart("My active days per week and tool");
    chart.setId("my-usage-chart");
    chart.show(ChartSpec.bar(weeks, series, true));
    Grid<OwnUsage> grid = new Grid<>();
    grid.setId("my-usage-grid");
    grid.addColumn(u -> u.week().toString()).setHeader("Week");
    grid.addColumn(u -> names.getOrDefault(u.tool(), u.tool())).setHeader("Tool");
    grid.addColumn(OwnUsage::activeDays).setHeader("Active days");
    grid.addColumn(u -> u.agentDays() == null ? "not told" : String.valueOf(u.agentDays()))
        .setHeader("Agent days")
        .setTooltipGenerator(
            u ->
                u.agentDays() == null
                    ? "This tool's data does not say whether an agent mode was used"
                    : "Days on which the tool acted on its own (agent chat, coding or CLI agent)");
    grid.addColumn(u -> Objects.toString(u.interactions(), "–")).setHeader("Interactions");
    grid.addColumn(u -> Objects.toString(u.acceptedLines(), "–")).setHeader("Accepted lines");
    List<OwnUsage> newestFirst = new java.util.ArrayList<>(usage);
    java.util.Collections.reverse(newestFirst);
    grid.setItems(newestFirst);
    grid.setEmptyStateText("No usage imported for you in this period.");
    grid.setAllRowsVisible(true);
    add(
        explainer,
        chart,
        dev.tandem.base.ui.CsvExport.link(
            "my-usage.csv",
            List.of("week", "tool", "active_days", "interactions", "accepted_lines"),
            () ->
                newestFirst.stream()
                    .map(
                        u ->
                            List.of(
                                u.week().toString(),
                                u.tool(),
                                String.valueOf(u.activeDays()),
                                Objects.toString(u.interactions(), ""),
                                Objects.toString(u.acceptedLines(), "")))
                    .toList()),
        grid);
  }
}
