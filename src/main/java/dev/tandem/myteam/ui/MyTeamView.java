package dev.tandem.myteam.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.access.AccessPolicy;
import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.base.ConsistentRead;
import dev.tandem.base.Ratio;
import dev.tandem.base.Scope;
import dev.tandem.base.ui.ScopeRangePicker;
import dev.tandem.base.ui.ScopeRangePicker.ScopeOption;
import dev.tandem.base.ui.ScopeRangePicker.Selection;
import dev.tandem.base.ui.chart.ChartSpec;
import dev.tandem.base.ui.chart.EChart;
import dev.tandem.reliability.ReliabilityFormat;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.reliability.TeamVsOrganisation;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A team against the organisation on both axes, with the definitions of the Adoption and
 * Reliability screens.
 */
@Route("my-team")
@PageTitle("My team · Tandem")
@Menu(title = "My team", order = 4, icon = "vaadin:group")
@PermitAll
public class MyTeamView extends VerticalLayout implements BeforeEnterObserver {

  private final AdoptionService adoption;
  private final ReliabilityService reliability;
  private final AccessPolicy access;
  private final ScopeRangePicker picker;
  private final Div cards = new Div();
  private final EChart trend =
      new EChart("Team and organisation adoption per week, with the goal line");
  private final Paragraph rateSentence = new Paragraph();
  private Selection selection;

  private final ConsistentRead consistent;

  MyTeamView(
      AdoptionService adoption,
      ReliabilityService reliability,
      AccessPolicy access,
      RosterService roster,
      ConsistentRead consistent) {
    this.consistent = consistent;
    this.adoption = adoption;
    this.reliability = reliability;
    this.access = access;
    addClassName("tandem-page");
    setWidthFull();
    List<ScopeOption> teams = new ArrayList<>();
    // Names as the other screens show them ("Payments (Commerce)"), not key paths.
    java.util.Map<Long, String> labels = roster.labels();
    for (Team t : access.teamsWithAggregates()) {
      teams.add(new ScopeOption(Scope.team(t.key()), labels.get(t.id())));
      teamNames.put(t.key(), t.name());
    }
    picker =
        new ScopeRangePicker(
            teams,
            adoption.period(),
            next ->
                getUI().ifPresent(ui -> ui.navigate(MyTeamView.class, next.toQueryParameters())));
    Paragraph explainer =
        new Paragraph(
            "Your team beside the organisation: adoption = developers who used an AI tool at least "
                + "once in the week ÷ headcount (pooled over the range); incident rate = all incidents owned by the team ÷ its "
                + "exposure, against the rest of the organisation with an exact 95% interval. Groups of fewer than "
                + access.minGroupSize()
                + " developers are not shown.");
    explainer.addClassName("tandem-explainer");
    cards.setId("my-team-cards");
    cards.addClassName("tandem-card-row");
    trend.setId("my-team-trend");
    rateSentence.setId("my-team-rate-sentence");
    add(
        new H1("My team"),
        explainer,
        picker,
        cards,
        adoptionHeading,
        trend,
        rateHeading,
        rateSentence);
  }

  private final java.util.Map<String, String> teamNames = new java.util.HashMap<>();
  private final H2 adoptionHeading = new H2("Adoption over time");
  private final H2 rateHeading = new H2("Incident rate");

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Scope fallback = access.ownTeam().orElseGet(adoption::defaultScope);
    selection =
        Selection.from(event.getLocation().getQueryParameters(), adoption.period(), fallback);
    if (selection.scope().organisation()) {
      cards.removeAll();
      cards.add(
          new Span("You have no team. Pick a team above to compare it with the organisation."));
      trend.setVisible(false);
      // No team: no empty headings under the sentence that says so.
      adoptionHeading.setVisible(false);
      rateHeading.setVisible(false);
      rateSentence.setText("");
      picker.show(new Selection(Scope.ORGANISATION, selection.range()));
      return;
    }
    adoptionHeading.setVisible(true);
    rateHeading.setVisible(true);
    picker.show(selection);
    refresh();
  }

  private void refresh() {
    Scope team = selection.scope();
    // Names on screen, keys only in the URL.
    String key = team.keyOrNull();
    String name = teamNames.getOrDefault(key, key);
    int k = access.minGroupSize();
    // The team, the organisation and the rates from one snapshot.
    Object[] read =
        consistent.read(
            () ->
                new Object[] {
                  adoption.weeklyAdoption(team, selection.range()),
                  adoption.weeklyAdoption(Scope.ORGANISATION, selection.range()),
                  reliability.teamVsOrganisation(selection.range(), team, null)
                });
    AdoptionReport mine = (AdoptionReport) read[0];
    AdoptionReport org = (AdoptionReport) read[1];
    TeamVsOrganisation rates = (TeamVsOrganisation) read[2];
    cards.removeAll();
    cards.add(
        card(name + " · this week", weekFigure(mine.latest(), k), "team-this-week"),
        card("Organisation · this week", weekFigure(org.latest(), k), "org-this-week"),
        card(
            name + " · over the range",
            mine.periodSuppressed() ? hidden(k) : ratio(mine.period(), "developer-weeks"),
            "team-period"),
        card("Organisation · over the range", ratio(org.period(), "developer-weeks"), "org-period"),
        card(
            "Team incident rate",
            rates.suppressed()
                ? hidden(k)
                : rate(rates.teamIncidents(), rates.teamExposure(), rates),
            "team-rate"),
        card(
            "Rest of the organisation",
            rates.suppressed()
                ? hidden(k)
                : rate(rates.restIncidents(), rates.restExposure(), rates),
            "org-rate"));
    trend.setVisible(true);
    trend.show(
        ChartSpec.line(
                mine.weeks().stream().map(w -> w.week().toString()).toList(),
                List.of(
                    new ChartSpec.Series(
                        name, mine.weeks().stream().map(w -> percent(w.adoption())).toList()),
                    new ChartSpec.Series(
                        "Organisation",
                        org.weeks().stream().map(w -> percent(w.adoption())).toList())))
            .percentY()
            .goalLine(adoption.goal() * 100, "Goal " + Math.round(adoption.goal() * 100) + "%"));
    rateSentence.setText(
        rates.suppressed()
            ? "Fewer than " + k + " developers: the team's incident rate is not shown."
            : ReliabilityFormat.teamSentence(name, rates));
  }

  private static Span weekFigure(AdoptionReport.Week week, int k) {
    return week.suppressed() ? hidden(k) : ratio(week.adoption(), "developers");
  }

  private static Span ratio(Ratio r, String unit) {
    Span s = new Span(r.percent());
    s.setTitle(r.fraction() + " " + unit);
    s.addClassName("tandem-figure-m");
    return s;
  }

  private static Span rate(long incidents, long exposure, TeamVsOrganisation r) {
    double rate = r.exposure().rate(incidents, exposure);
    Span s =
        new Span(
            Double.isNaN(rate)
                ? "–"
                : String.format(Locale.ROOT, "%.2f %s", rate, r.exposure().unit()));
    s.setTitle(incidents + " incidents / " + exposure + " " + r.exposure().key());
    s.addClassName("tandem-figure-s");
    if (!Double.isNaN(rate)) {
      // A single rate with its exact Poisson interval, so two cards are never read as exact.
      dev.tandem.stats.Interval ci = r.exposure().rateInterval(incidents, exposure);
      Span interval =
          new Span(
              String.format(
                  Locale.ROOT, "95%% CI %.2f–%.2f (%d incidents)", ci.low(), ci.high(), incidents));
      interval.addClassNames(
          "rate-interval",
          LumoUtility.Display.BLOCK,
          LumoUtility.FontSize.SMALL,
          LumoUtility.FontWeight.NORMAL);
      s.add(interval);
    }
    return s;
  }

  private static Span hidden(int k) {
    Span s = new Span("fewer than " + k + " developers");
    s.addClassName("tandem-figure-s");
    return s;
  }

  private static Div card(String title, Span figure, String id) {
    figure.setId(id);
    Span heading = new Span(title);
    heading.addClassName("tandem-card-title");
    Div card = new Div(heading, figure);
    card.addClassNames("tandem-card", "tandem-figure-card");
    return card;
  }

  private static Double percent(Ratio r) {
    Double v = r.value();
    return v == null ? null : Math.round(v * 1000) / 10.0;
  }
}
