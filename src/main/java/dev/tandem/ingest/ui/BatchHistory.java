package dev.tandem.ingest.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.StreamResource;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.tandem.base.ValidationException;
import dev.tandem.base.ui.CsvExport;
import dev.tandem.base.ui.Notifications;
import dev.tandem.ingest.ImportBatch;
import dev.tandem.ingest.ImportService;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/** Every import batch, newest first, with undo behind a confirmation and a CSV export. */
class BatchHistory extends VerticalLayout {

  static final int LIMIT = 500;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ImportService imports;
  private final ZoneId zone;
  private final Grid<ImportBatch> grid = new Grid<>(ImportBatch.class, false);
  private final Runnable onUndone;

  BatchHistory(ImportService imports, ZoneId zone, Runnable onUndone) {
    this.imports = imports;
    this.zone = zone;
    this.onUndone = onUndone;
    setPadding(false);
    setSizeFull();
    Anchor export = new Anchor(new StreamResource("import-batches.csv", this::csv), "Export CSV");
    export.getElement().setAttribute("download", true);
    export.setId("export-batches");

    grid.setId("batch-grid");
    grid.addColumn(ImportBatch::id).setHeader("Batch").setWidth("5rem").setFlexGrow(0);
    grid.addComponentColumn(b -> twoLines(time(b.createdAt()), "by " + b.createdBy(), null))
        .setHeader("When / who")
        .setWidth("10rem")
        .setFlexGrow(0);
    grid.addColumn(BatchHistory::format)
        .setHeader("Format")
        .setWidth("12rem")
        .setFlexGrow(1)
        .setTooltipGenerator(BatchHistory::format);
    grid.addComponentColumn(
            b -> twoLines(b.fileName(), "SHA-256 " + shortHash(b.sha256()), b.sha256()))
        .setHeader("File")
        .setWidth("12rem")
        .setFlexGrow(1);
    grid.addComponentColumn(
            b ->
                twoLines(
                    String.format("%,d of %,d applied", b.rowsApplied(), b.rowsRead()),
                    String.format(
                        "%,d rejected · %,d unmatched", b.rowsRejected(), b.rowsUnmatched()),
                    null))
        .setHeader("Rows")
        .setWidth("11rem")
        .setFlexGrow(0);
    grid.addComponentColumn(
            b -> {
              HorizontalLayout cell = new HorizontalLayout(outcome(b), undoButton(b));
              cell.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
              return cell;
            })
        .setHeader("Outcome")
        .setKey("outcome")
        .setWidth("13rem")
        .setFlexGrow(0);
    grid.setEmptyStateText("No imports yet. Upload a file on the Import tab.");
    grid.setSizeFull();
    add(export, grid);
    refresh();
  }

  void refresh() {
    grid.setItems(imports.batches(LIMIT));
  }

  private static Div twoLines(String first, String second, String tooltip) {
    Span below = new Span(second);
    below.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    Div cell = new Div(new Span(Objects.toString(first, "")), new Div(below));
    if (tooltip != null) {
      cell.setTitle(tooltip);
    }
    return cell;
  }

  private Div outcome(ImportBatch b) {
    Span badge = new Span(b.outcome());
    String theme =
        switch (b.outcome()) {
          case "applied" -> "badge success";
          case "partially-applied" -> "badge";
          case "refused" -> "badge error";
          default -> "badge contrast";
        };
    badge.getElement().getThemeList().addAll(List.of(theme.split(" ")));
    badge.addClassName("batch-outcome");
    if (b.undoPrunedAt() != null && b.undoneAt() == null) {
      Span why = new Span("can no longer be undone: " + b.notUndoableBecause());
      why.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
      why.addClassName("undo-unavailable");
      return new Div(badge, new Div(why));
    }
    if (b.undoneAt() == null) {
      return new Div(badge);
    }
    Span who = new Span("by " + b.undoneBy() + " " + time(b.undoneAt()));
    who.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
    return new Div(badge, new Div(who));
  }

  private Button undoButton(ImportBatch b) {
    Button undo = new Button("Undo", e -> confirmUndo(b));
    undo.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    undo.setVisible(b.undoable());
    undo.getElement().setAttribute("data-batch", String.valueOf(b.id()));
    undo.addClassName("undo-batch");
    return undo;
  }

  private void confirmUndo(ImportBatch b) {
    ConfirmDialog confirm =
        new ConfirmDialog(
            "Undo batch #" + b.id() + "?",
            "This restores what "
                + b.fileName()
                + " ("
                + b.rowsApplied()
                + " rows, "
                + format(b)
                + ") replaced, and drops the rows it held as unmatched.",
            "Undo",
            e -> undo(b));
    confirm.setCancelable(true);
    confirm.setConfirmButtonTheme("error primary");
    confirm.setId("confirm-undo");
    confirm.open();
  }

  private void undo(ImportBatch b) {
    try {
      imports.undo(b.id());
      Notifications.success("Batch #" + b.id() + " undone");
    } catch (ValidationException e) {
      Notifications.error("Batch #" + b.id() + " cannot be undone: " + ImportReport.message(e));
    }
    refresh();
    onUndone.run();
  }

  private static String format(ImportBatch b) {
    return b.tool() == null ? b.format() : b.format() + " (" + b.tool() + ")";
  }

  private static String shortHash(String sha) {
    return sha == null ? "none" : sha.substring(0, Math.min(10, sha.length()));
  }

  private String time(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(zone).format(TIME);
  }

  private ByteArrayInputStream csv() {
    List<List<String>> rows =
        imports.batches(LIMIT).stream()
            .map(
                b ->
                    List.of(
                        String.valueOf(b.id()),
                        time(b.createdAt()),
                        b.createdBy(),
                        b.format(),
                        Objects.toString(b.tool(), ""),
                        Objects.toString(b.fileName(), ""),
                        Objects.toString(b.sha256(), ""),
                        b.mode(),
                        String.valueOf(b.rowsRead()),
                        String.valueOf(b.rowsApplied()),
                        String.valueOf(b.rowsRejected()),
                        String.valueOf(b.rowsUnmatched()),
                        b.outcome(),
                        Objects.toString(b.undoneBy(), ""),
                        time(b.undoneAt())))
            .toList();
    String csv =
        CsvExport.toCsv(
            List.of(
                "batch",
                "created_at",
                "created_by",
                "format",
                "tool",
                "file",
                "sha256",
                "mode",
                "rows_read",
                "rows_applied",
                "rows_rejected",
                "rows_unmatched",
                "outcome",
                "undone_by",
                "undone_at"),
            rows);
    return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
  }
}
