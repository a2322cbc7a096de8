package dev.tandem.ingest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import dev.tandem.ingest.ImportService;
import dev.tandem.ingest.UnmatchedIdentity;
import dev.tandem.roster.RosterService;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/** The identities whose rows are held, grouped by source, each mappable to a developer. */
class UnmatchedIdentities extends VerticalLayout {

  /** A source (its identities summed) or one identity under it. */
  record Line(
      String source,
      String externalId,
      int identities,
      int rows,
      LocalDate firstDay,
      LocalDate lastDay) {

    boolean isSource() {
      return externalId == null;
    }
  }

  private final ImportService imports;
  private final RosterService roster;
  private final TreeGrid<Line> grid = new TreeGrid<>();
  private final Runnable onMapped;
  private IntConsumer onCount = n -> {};

  UnmatchedIdentities(ImportService imports, RosterService roster, Runnable onMapped) {
    this.imports = imports;
    this.roster = roster;
    this.onMapped = onMapped;
    setPadding(false);
    setSizeFull();
    Paragraph explainer =
        new Paragraph(
            "Rows whose person is not on the roster are held, not dropped. Map an identity to a"
                + " developer and its held rows are applied at once; a roster or identity-map"
                + " import resolves them too.");
    explainer.addClassName("tandem-explainer");

    grid.setId("unmatched-grid");
    grid.addHierarchyColumn(l -> l.isSource() ? l.source() : l.externalId())
        .setHeader("Source / identity")
        .setSortable(false)
        .setAutoWidth(true)
        .setFlexGrow(1);
    grid.addColumn(
            l ->
                !l.isSource()
                    ? ""
                    : l.identities() == 1 ? "1 identity" : l.identities() + " identities")
        .setHeader("Identities")
        .setAutoWidth(true);
    grid.addColumn(Line::rows).setHeader("Held rows").setAutoWidth(true);
    grid.addColumn(l -> Objects.toString(l.firstDay(), "")).setHeader("First day");
    grid.addColumn(l -> Objects.toString(l.lastDay(), "")).setHeader("Last day");
    grid.addComponentColumn(this::mapButton).setHeader("").setKey("map").setAutoWidth(true);
    grid.setEmptyStateText("No unmatched identities: every imported row belongs to a developer.");
    grid.setSizeFull();
    add(explainer, grid);
    refresh();
  }

  void onCount(IntConsumer listener) {
    this.onCount = listener;
    refresh();
  }

  void refresh() {
    List<UnmatchedIdentity> all = imports.unmatchedIdentities();
    Map<String, List<UnmatchedIdentity>> bySource = new LinkedHashMap<>();
    all.forEach(u -> bySource.computeIfAbsent(u.source(), s -> new java.util.ArrayList<>()).add(u));
    TreeData<Line> data = new TreeData<>();
    bySource.forEach(
        (source, ids) -> {
          Line parent =
              new Line(
                  source,
                  null,
                  ids.size(),
                  ids.stream().mapToInt(UnmatchedIdentity::rows).sum(),
                  ids.stream()
                      .map(UnmatchedIdentity::firstDay)
                      .filter(Objects::nonNull)
                      .min(LocalDate::compareTo)
                      .orElse(null),
                  ids.stream()
                      .map(UnmatchedIdentity::lastDay)
                      .filter(Objects::nonNull)
                      .max(LocalDate::compareTo)
                      .orElse(null));
          data.addItem(null, parent);
          ids.forEach(
              u ->
                  data.addItem(
                      parent,
                      new Line(
                          u.source(), u.externalId(), 1, u.rows(), u.firstDay(), u.lastDay())));
        });
    grid.setTreeData(data);
    grid.expand(data.getRootItems());
    onCount.accept(all.size());
  }

  private Button mapButton(Line line) {
    Button map =
        new Button(
            "Map to developer",
            e ->
                new MapIdentityDialog(
                        imports,
                        roster,
                        line.source(),
                        line.externalId(),
                        () -> {
                          refresh();
                          onMapped.run();
                        })
                    .open());
    map.addThemeVariants(ButtonVariant.LUMO_SMALL);
    map.setVisible(!line.isSource());
    map.addClassName("map-identity");
    return map;
  }
}
