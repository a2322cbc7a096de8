package dev.tandem.summary.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.adoption.AdoptionReport;
import dev.tandem.adoption.AdoptionService;
import dev.tandem.base.ConsistentRead;
import dev.tandem.base.Scope;
import dev.tandem.base.ui.ScopeRangePicker;
import dev.tandem.base.ui.ScopeRangePicker.ScopeOption;
import dev.tandem.base.ui.ScopeRangePicker.Selection;
import dev.tandem.reliability.CausesAndSafeguards;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.ReliabilityService;
import dev.tandem.roster.RosterService;
import jakarta.annotation.security.PermitAll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Leadership's one page: adoption against the goal and agent adoption, AI-involved work and each
 * tool against work without AI with the verdicts that allow for the tools compared, the safeguard
 * gaps, and the definitions; laid out to print on one A4 page. Figures come from {@link
 * AdoptionService} and {@link ReliabilityService}, read in one snapshot; the range and scope are
 * the URL's {@code from}, {@code to} and {@code team}, as on the other screens.
 */
@Route("summary")
@PageTitle("Leadership summary · Tandem")
@Menu(title = "Summary", order = 2.5, icon = "vaadin:print")
@PermitAll
public class SummaryView extends Div implements BeforeEnterObserver {

  private static final String STYLES = styles();

  private final AdoptionService adoption;
  private final ReliabilityService reliability;
  private final ConsistentRead consistent;
  private final Clock clock;
  private final ScopeRangePicker picker;
  private final Map<String, String> scopeLabels = new java.util.HashMap<>();
  private final Div document = new Div();

  /** The figures of the page, read from one snapshot. */
  record Figures(AdoptionReport adoption, Comparison comparison, CausesAndSafeguards safeguards) {}

  SummaryView(
      AdoptionService adoption,
      ReliabilityService reliability,
      RosterService roster,
      ConsistentRead consistent,
      Clock clock) {
    this.adoption = adoption;
    this.reliability = reliability;
    this.consistent = consistent;
    this.clock = clock;
    addClassNames("tandem-page", "tandem-summary");
    List<ScopeOption> scopes = new ArrayList<>();
    scopes.add(new ScopeOption(Scope.ORGANISATION, "Whole organisation"));
    Map<Long, String> labels = roster.labels();
    reliability
        .teamsWithAggregates()
        .forEach(
            t -> {
              scopes.add(new ScopeOption(Scope.team(t.key()), labels.get(t.id())));
              scopeLabels.put(t.key(), t.name());
            });
    picker =
        new ScopeRangePicker(
            scopes,
            reliability.period(),
            next ->
                getUI().ifPresent(ui -> ui.navigate(SummaryView.class, next.toQueryParameters())));
    Button print =
        new Button(
            "Print",
            VaadinIcon.PRINT.create(),
            e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
    print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    print.setId("summary-print");
    HorizontalLayout controls = new HorizontalLayout(picker, print);
    controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    controls.addClassName("summary-controls");
    document.setId("summary");
    document.addClassName("summary-document");
    add(new Html("<style>" + STYLES + "</style>"), controls, document);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Selection selection =
        Selection.from(
            event.getLocation().getQueryParameters(),
            reliability.period(),
            adoption.defaultScope());
    picker.show(selection);
    Scope team = selection.scope();
    String key = team.keyOrNull();
    Figures figures =
        consistent.read(
            () -> {
              Comparison c = reliability.comparison(selection.range(), team, null);
              return new Figures(
                  adoption.weeklyAdoption(team, selection.range()),
                  c,
                  c.suppressed() ? null : reliability.causesAndSafeguards(selection.range(), team));
            });
    document.removeAll();
    document.add(
        SummaryDocument.of(
            figures,
            key == null ? "Whole organisation" : scopeLabels.getOrDefault(key, key),
            key == null ? "the organisation" : scopeLabels.getOrDefault(key, key),
            reliability.minGroupSize(),
            LocalDate.now(clock)));
  }

  private static String styles() {
    try (InputStream in = SummaryView.class.getResourceAsStream("summary.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
