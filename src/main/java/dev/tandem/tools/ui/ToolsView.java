package dev.tandem.tools.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.tools.Tool;
import dev.tandem.tools.ToolService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;

/**
 * The tool catalogue: which AI coding tools Tandem knows, what kind they are and whether they ask
 * before acting.
 */
@Route("admin/tools")
@PageTitle("Tools · Tandem")
@Menu(title = "Tools", order = 51, icon = "vaadin:tools")
@RolesAllowed("ADMIN")
public class ToolsView extends VerticalLayout {

  private final ToolService tools;
  private final Grid<Tool> grid = new Grid<>(Tool.class, false);

  ToolsView(ToolService tools) {
    this.tools = tools;
    addClassName("tandem-page");
    setSizeFull();
    Paragraph explainer =
        new Paragraph(
            "Tool keys are what import files and the API use; the five well-known tools are always present.");
    explainer.addClassName("tandem-explainer");
    Button add = new Button("Add tool", VaadinIcon.PLUS.create(), e -> edit(null));
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    grid.setId("tool-grid");
    grid.addColumn(Tool::name).setHeader("Tool").setAutoWidth(true);
    grid.addColumn(Tool::key).setHeader("Key");
    grid.addColumn(Tool::vendor).setHeader("Vendor");
    grid.addColumn(Tool::kind).setHeader("Kind");
    grid.addColumn(t -> t.asksApproval() ? "yes" : "no").setHeader("Asks approval by default");
    grid.addColumn(t -> t.active() ? "active" : "retired").setHeader("Status");
    grid.addItemDoubleClickListener(e -> edit(e.getItem()));
    com.vaadin.flow.component.orderedlayout.HorizontalLayout actions =
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout(
            add,
            dev.tandem.base.ui.CsvExport.link(
                "tools.csv",
                java.util.List.of("key", "name", "vendor", "kind", "asks_approval", "active"),
                () ->
                    tools.tools().stream()
                        .map(
                            t ->
                                java.util.List.of(
                                    t.key(),
                                    t.name(),
                                    t.vendor(),
                                    t.kind(),
                                    String.valueOf(t.asksApproval()),
                                    String.valueOf(t.active())))
                        .toList()));
    actions.setDefaultVerticalComponentAlignment(
        com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
    add(new H1("Tools"), explainer, actions, grid);
    grid.setItems(tools.tools());
  }

  private void edit(Tool tool) {
    boolean creating = tool == null;
    Dialog dialog = new Dialog(creating ? "Add tool" : "Edit " + tool.name());
    TextField key = new TextField("Key");
    key.setReadOnly(!creating);
    TextField name = new TextField("Name");
    TextField vendor = new TextField("Vendor");
    key.setMaxLength(50);
    name.setMaxLength(ToolService.MAX_NAME);
    vendor.setMaxLength(ToolService.MAX_NAME);
    ComboBox<String> kind = new ComboBox<>("Kind", Tool.KINDS);
    Checkbox asksApproval = new Checkbox("Asks for approval before acting by default");
    Checkbox active = new Checkbox("Active", true);
    if (!creating) {
      key.setValue(tool.key());
      name.setValue(tool.name());
      vendor.setValue(tool.vendor());
      kind.setValue(tool.kind());
      asksApproval.setValue(tool.asksApproval());
      active.setValue(tool.active());
    }
    dialog.add(new FormLayout(key, name, vendor, kind, asksApproval, active));
    Button save =
        new Button(
            "Save",
            e -> {
              Tool edited =
                  new Tool(
                      key.getValue(),
                      name.getValue(),
                      vendor.getValue(),
                      kind.getValue(),
                      asksApproval.getValue(),
                      active.getValue());
              try {
                if (creating) {
                  tools.create(edited);
                } else {
                  tools.update(edited);
                }
                Notifications.success("Saved " + edited.name());
                dialog.close();
                grid.setItems(tools.tools());
              } catch (ValidationException problem) {
                Map<String, com.vaadin.flow.component.HasValidation> fields =
                    Map.of("key", key, "name", name, "vendor", vendor, "kind", kind);
                fields.values().forEach(f -> f.setInvalid(false));
                problem
                    .problems()
                    .forEach(
                        p -> {
                          var f = fields.get(p.field());
                          f.setErrorMessage(p.message());
                          f.setInvalid(true);
                        });
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }
}
