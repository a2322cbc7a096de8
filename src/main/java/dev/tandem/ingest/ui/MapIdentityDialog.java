package dev.tandem.ingest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import dev.tandem.base.Scope;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.Notifications;
import dev.tandem.ingest.ImportService;
import dev.tandem.roster.Developer;
import dev.tandem.roster.DeveloperFilter;
import dev.tandem.roster.RosterService;

/** Picks the developer a vendor identity belongs to, and applies its held rows. */
class MapIdentityDialog extends Dialog {

  private final ComboBox<Developer> developer = new ComboBox<>("Developer");

  MapIdentityDialog(
      ImportService imports,
      RosterService roster,
      String source,
      String externalId,
      Runnable onMapped) {
    setHeaderTitle("Map " + externalId);
    developer.setId("map-developer");
    developer.setWidth("28rem");
    developer.setPlaceholder("Search name or email");
    developer.setItemLabelGenerator(d -> d.name() + " <" + d.email() + "> · " + d.teamKey());
    developer.setItems(
        q ->
            roster
                .developers(
                    new DeveloperFilter(q.getFilter().orElse(null), Scope.ORGANISATION),
                    q.getOffset(),
                    q.getLimit())
                .stream(),
        q ->
            roster.countDevelopers(
                new DeveloperFilter(q.getFilter().orElse(null), Scope.ORGANISATION)));
    developer.setRequiredIndicatorVisible(true);

    Button map =
        new Button(
            "Map and apply held rows",
            e -> {
              if (developer.getValue() == null) {
                developer.setInvalid(true);
                developer.setErrorMessage("Choose the developer this identity belongs to");
                return;
              }
              try {
                int applied = imports.mapIdentity(source, externalId, developer.getValue().id());
                Notifications.success(
                    externalId
                        + " mapped to "
                        + developer.getValue().name()
                        + ": "
                        + applied
                        + " held rows applied");
                close();
                onMapped.run();
              } catch (ValidationException ex) {
                developer.setInvalid(true);
                developer.setErrorMessage(ImportReport.message(ex));
              }
            });
    map.setId("map-apply");
    map.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button("Cancel", e -> close());
    add(
        new Paragraph(
            "Rows from "
                + source
                + " for "
                + externalId
                + " will count for this developer from now on, including the held ones."),
        developer);
    getFooter().add(cancel, map);
  }
}
