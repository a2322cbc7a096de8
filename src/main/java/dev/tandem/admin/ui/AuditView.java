package dev.tandem.admin.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.security.AuditEntry;
import dev.tandem.security.AuditFilter;
import dev.tandem.security.AuditService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Objects;

/**
 * Every write with who, when, what and the values before and after. Read-only: entries cannot be
 * changed here.
 */
@Route("admin/audit")
@PageTitle("Audit log · Tandem")
@Menu(title = "Audit log", order = 54, icon = "vaadin:clipboard-text")
@RolesAllowed("ADMIN")
public class AuditView extends VerticalLayout {

  private static final java.time.format.DateTimeFormatter WHEN =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
          .withZone(java.time.ZoneOffset.UTC);

  private final AuditService audit;
  private final Grid<AuditEntry> grid = new Grid<>();
  private final TextField actor = new TextField("Who");
  private final ComboBox<String> entity = new ComboBox<>("What");
  private final TextField text = new TextField("Value contains");
  private final DatePicker from = new DatePicker("From");
  private final DatePicker to = new DatePicker("To");

  AuditView(AuditService audit) {
    this.audit = audit;
    addClassName("tandem-page");
    setSizeFull();
    Paragraph explainer =
        new Paragraph(
            "Imports, undo, incident edits and triage, roster, users, tokens and settings: every write "
                + "is recorded here and cannot be edited or deleted. Times are UTC.");
    explainer.addClassName("tandem-explainer");
    actor.setValueChangeMode(ValueChangeMode.LAZY);
    text.setValueChangeMode(ValueChangeMode.LAZY);
    entity.setItems(audit.entities());
    entity.setClearButtonVisible(true);
    actor.addValueChangeListener(e -> refresh());
    text.addValueChangeListener(e -> refresh());
    entity.addValueChangeListener(e -> refresh());
    from.addValueChangeListener(e -> refresh());
    to.addValueChangeListener(e -> refresh());
    HorizontalLayout filters = new HorizontalLayout(actor, entity, text, from, to);
    filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    filters.setWrap(true);
    grid.setId("audit-grid");
    grid.addColumn(e -> WHEN.format(e.occurredAt()))
        .setHeader("When")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(AuditEntry::actor).setHeader("Who").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(e -> e.entity() + (e.entityId() == null ? "" : " " + e.entityId()))
        .setHeader("What")
        .setAutoWidth(true)
        .setFlexGrow(0);
    // What changed, in words; the whole JSON before and after is in the row's details (click).
    grid.addColumn(e -> AuditChanges.summary(e.before(), e.after()))
        .setHeader("Changes")
        // At least this wide, so on a phone the grid scrolls instead of wrapping a word per line.
        .setWidth("22rem")
        .setFlexGrow(3)
        .setTooltipGenerator(e -> AuditChanges.summary(e.before(), e.after()));
    grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setItemDetailsRenderer(
        new com.vaadin.flow.data.renderer.ComponentRenderer<>(
            e -> {
              Paragraph details =
                  new Paragraph(
                      "Before: "
                          + Objects.toString(e.before(), "–")
                          + "\nAfter: "
                          + Objects.toString(e.after(), "–"));
              // The whole JSON, wrapped at any character instead of running off the screen.
              details.addClassName("tandem-wrapped");
              return details;
            }));
    grid.setEmptyStateText("No audit entries match.");
    grid.setSizeFull();
    filters.add(
        dev.tandem.base.ui.CsvExport.link(
            "audit-log.csv",
            java.util.List.of(
                "when_utc", "who", "action", "entity", "entity_id", "before", "after"),
            () ->
                audit.search(currentFilter(), 0, 100_000).stream()
                    .map(
                        e ->
                            java.util.List.of(
                                WHEN.format(e.occurredAt()),
                                e.actor(),
                                e.action(),
                                e.entity(),
                                Objects.toString(e.entityId(), ""),
                                Objects.toString(e.before(), ""),
                                Objects.toString(e.after(), "")))
                    .toList()));
    add(new H1("Audit log"), explainer, filters, grid);
    refresh();
  }

  private AuditFilter currentFilter() {
    return new AuditFilter(
        actor.getValue(), entity.getValue(), text.getValue(), from.getValue(), to.getValue());
  }

  private void refresh() {
    AuditFilter filter =
        new AuditFilter(
            actor.getValue(), entity.getValue(), text.getValue(), from.getValue(), to.getValue());
    grid.setItems(
        q -> audit.search(filter, q.getOffset(), q.getLimit()).stream(), q -> audit.count(filter));
  }
}
