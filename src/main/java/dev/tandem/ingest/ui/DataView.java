package dev.tandem.ingest.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.base.DataSourceAlerts;
import dev.tandem.ingest.ImportService;
import dev.tandem.roster.RosterService;
import dev.tandem.settings.SettingsService;
import dev.tandem.tools.ToolService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;

/**
 * The Data screen: upload any import format with a dry-run preview first, the batch history with
 * undo, and the unmatched identities an admin maps to developers.
 */
@Route("data")
@PageTitle("Data · Tandem")
@Menu(title = "Data", order = 40, icon = "vaadin:upload")
@RolesAllowed("ADMIN")
public class DataView extends VerticalLayout implements BeforeEnterObserver {

  private final TabSheet tabs = new TabSheet();
  private Tab historyTab;

  DataView(
      ImportService imports,
      RosterService roster,
      ToolService tools,
      SettingsService settings,
      @Qualifier("applicationTaskExecutor") TaskExecutor executor,
      ObjectProvider<DataSourceAlerts> alerts) {
    addClassName("tandem-page");
    setSizeFull();
    Paragraph explainer =
        new Paragraph(
            "Every file is checked first: a dry run shows the rows as read and every error with its"
                + " line and field, and nothing is written until you apply. A re-import replaces"
                + " what the same source imported for a day or week; any batch can be undone.");
    explainer.addClassName("tandem-explainer");
    RouterLink formats = new RouterLink("Import formats", FormatsView.class);
    formats.setId("formats-link");
    explainer.add(
        new Text(" Each format, where its file comes from and what it counts: "),
        formats,
        new Text("."));

    UnmatchedIdentities unmatched = new UnmatchedIdentities(imports, roster, () -> {});
    BatchHistory history = new BatchHistory(imports, settings.current().zone(), unmatched::refresh);
    UploadPanel upload =
        new UploadPanel(
            imports,
            tools.tools(),
            executor,
            () -> {
              history.refresh();
              unmatched.refresh();
            });

    tabs.setId("data-tabs");
    tabs.setSizeFull();
    tabs.add("Import", upload);
    historyTab = tabs.add("History", history);
    Tab unmatchedTab = tabs.add("Unmatched identities", unmatched);
    unmatched.onCount(n -> unmatchedTab.setLabel("Unmatched identities (" + n + ")"));
    add(new H1("Data"), explainer);
    alerts.ifAvailable(a -> showAlerts(a.alerts()));
    add(tabs);
  }

  /** Failing or stale connectors, above the tabs, with a way to their screen. */
  private void showAlerts(List<String> problems) {
    if (problems.isEmpty()) {
      return;
    }
    Div box = new Div();
    box.setId("connector-alerts");
    box.getElement().setAttribute("role", "alert");
    box.addClassName(LumoUtility.TextColor.ERROR);
    problems.forEach(p -> box.add(new Paragraph(p)));
    box.add(new Anchor("admin/connectors", "Open Connectors"));
    add(box);
  }

  /** {@code ?tab=history} opens the batch history (the Connectors screen links here). */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    List<String> tab = event.getLocation().getQueryParameters().getParameters().get("tab");
    if (tab != null && tab.contains("history")) {
      tabs.setSelectedTab(historyTab);
    }
  }
}
