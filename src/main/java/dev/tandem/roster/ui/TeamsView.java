package dev.tandem.roster.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.roster.RosterService;
import dev.tandem.roster.Team;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Objects;

/** The organisation tree. A team's scope is the team and everything below it. */
@Route("admin/teams")
@PageTitle("Teams · Tandem")
@Menu(title = "Teams", order = 50, icon = "vaadin:sitemap")
@RolesAllowed("ADMIN")
public class TeamsView extends VerticalLayout {

  /** Every team's path, read with the tree on each refresh (one read, not one per row). */
  private java.util.Map<Long, String> paths = java.util.Map.of();

  private final RosterService roster;
  private final TreeGrid<Team> tree = new TreeGrid<>();

  TeamsView(RosterService roster) {
    this.roster = roster;
    addClassName("tandem-page");
    setSizeFull();
    Paragraph explainer =
        new Paragraph("Teams form a tree; figures for a team include every team below it.");
    explainer.addClassName("tandem-explainer");
    Button add =
        new Button("Add team", VaadinIcon.PLUS.create(), e -> edit(new Team(null, "", "", null)));
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    tree.setId("team-tree");
    tree.addHierarchyColumn(Team::name).setHeader("Team").setAutoWidth(true);
    tree.addColumn(Team::key).setHeader("Key");
    tree.addColumn(t -> paths.get(t.id())).setHeader("Path");
    tree.addItemDoubleClickListener(e -> edit(e.getItem()));
    tree.setEmptyStateText("No teams yet. Import a roster, or add the first team.");
    tree.setSizeFull();
    com.vaadin.flow.component.orderedlayout.HorizontalLayout actions =
        new com.vaadin.flow.component.orderedlayout.HorizontalLayout(
            add,
            dev.tandem.base.ui.CsvExport.link(
                "teams.csv",
                List.of("key", "name", "path"),
                () -> {
                  java.util.Map<Long, String> paths = roster.paths();
                  return roster.teams().stream()
                      .map(t -> List.of(t.key(), t.name(), paths.get(t.id())))
                      .toList();
                }));
    actions.setDefaultVerticalComponentAlignment(
        com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
    add(new H1("Teams"), explainer, actions, tree);
    refresh();
  }

  private void refresh() {
    List<Team> teams = roster.teams();
    paths = roster.paths();
    tree.setItems(
        teams.stream().filter(t -> t.parentId() == null).toList(),
        parent -> teams.stream().filter(t -> Objects.equals(t.parentId(), parent.id())).toList());
    tree.expandRecursively(teams, 2);
  }

  private void edit(Team team) {
    Dialog dialog = new Dialog(team.id() == null ? "Add team" : "Edit " + team.name());
    TextField key = new TextField("Key", team.key(), "");
    key.setHelperText("lower-case, e.g. payments");
    TextField name = new TextField("Name", team.name(), "");
    key.setMaxLength(100);
    name.setMaxLength(RosterService.MAX_NAME);
    ComboBox<Team> parent = new ComboBox<>("Parent team");
    parent.setItems(
        roster.teams().stream().filter(t -> !Objects.equals(t.id(), team.id())).toList());
    parent.setItemLabelGenerator(Team::name);
    parent.setClearButtonVisible(true);
    roster.teams().stream()
        .filter(t -> Objects.equals(t.id(), team.parentId()))
        .findFirst()
        .ifPresent(parent::setValue);
    dialog.add(new FormLayout(key, name, parent));
    Button save =
        new Button(
            "Save",
            e -> {
              try {
                roster.saveTeam(
                    new Team(
                        team.id(),
                        key.getValue(),
                        name.getValue(),
                        parent.getValue() == null ? null : parent.getValue().id()));
                Notifications.success("Saved team " + name.getValue());
                dialog.close();
                refresh();
              } catch (ValidationException problem) {
                key.setInvalid(false);
                name.setInvalid(false);
                parent.setInvalid(false);
                for (var p : problem.problems()) {
                  var field =
                      switch (p.field()) {
                        case "key" -> key;
                        case "name" -> name;
                        default -> null;
                      };
                  if (field != null) {
                    field.setErrorMessage(p.message());
                    field.setInvalid(true);
                  } else {
                    parent.setErrorMessage(p.message());
                    parent.setInvalid(true);
                  }
                }
              }
            });
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    save.addClickShortcut(Key.ENTER);
    dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
    dialog.open();
  }
}
