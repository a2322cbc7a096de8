package dev.tandem.ingest.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.tandem.base.ValidationException;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportTooLargeException;
import dev.tandem.ingest.format.ImportError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a dry run or an import found: outcome, counts, every error, every warning (look-alike
 * emails), and the first rows read.
 */
class ImportReport extends VerticalLayout {

  private final Span outcome = new Span();
  private final Span counts = new Span();
  private final H2 errorsTitle = new H2("Errors");
  private final Grid<ImportError> errors = new Grid<>(ImportError.class, false);
  private final H2 warningsTitle = new H2("Warnings");
  private final Grid<ImportError> warnings = new Grid<>(ImportError.class, false);
  private final H2 rowsTitle = new H2();
  private final Grid<Map<String, Object>> rows = new Grid<>();

  ImportReport() {
    setPadding(false);
    outcome.setId("import-outcome");
    counts.setId("import-counts");
    lineGrid(errors, "error-grid", "What is wrong");
    errors.setEmptyStateText("No errors.");
    lineGrid(warnings, "warning-grid", "Worth a look");
    warningsTitle.setId("warnings-title");
    rows.setId("preview-grid");
    rows.addThemeVariants(GridVariant.LUMO_COMPACT);
    rows.setAllRowsVisible(true); // at most the pipeline's 20 preview rows
    rows.setEmptyStateText("No rows were read.");
    HorizontalLayout summary = new HorizontalLayout(outcome, counts);
    summary.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(summary, errorsTitle, errors, warningsTitle, warnings, rowsTitle, rows);
    clear();
  }

  /** A grid of problems by line (or "file") and field, with the message in {@code header}. */
  private static void lineGrid(Grid<ImportError> grid, String id, String header) {
    grid.setId(id);
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
    grid.addColumn(e -> e.line() > 0 ? String.valueOf(e.line()) : "file")
        .setHeader("Line")
        .setAutoWidth(true)
        .setFlexGrow(0);
    grid.addColumn(ImportError::field).setHeader("Field").setAutoWidth(true).setFlexGrow(0);
    grid.addColumn(ImportError::message)
        .setHeader(header)
        .setFlexGrow(1)
        .setTooltipGenerator(ImportError::message);
  }

  void clear() {
    setVisible(false);
  }

  void show(ImportResult r) {
    setVisible(true);
    outcome.setText(outcomeText(r));
    outcome.getElement().getThemeList().clear();
    outcome
        .getElement()
        .getThemeList()
        .addAll(
            List.of(
                "badge",
                r.refused() ? "error" : r.rowsRejected() > 0 ? "contrast" : "success",
                "pill"));
    counts.setText(
        String.format(
            "%,d read · %,d %s · %,d rejected · %,d unmatched (held until mapped)",
            r.rowsRead(),
            r.rowsApplied(),
            r.dryRun() ? "would apply" : "applied",
            r.rowsRejected(),
            r.rowsUnmatched()));
    errorsTitle.setText(r.errors().isEmpty() ? "No errors" : "Errors (" + r.errors().size() + ")");
    errors.setItems(r.errors());
    // A short list shows whole; a long one scrolls inside the grid.
    errors.setAllRowsVisible(r.errors().size() <= 10);
    errors.setHeight(r.errors().size() <= 10 ? null : "22rem");
    errors.setVisible(!r.errors().isEmpty());
    warningsTitle.setText("Warnings (" + r.warnings().size() + ")");
    warnings.setItems(r.warnings());
    warnings.setAllRowsVisible(r.warnings().size() <= 10);
    warnings.setHeight(r.warnings().size() <= 10 ? null : "22rem");
    warningsTitle.setVisible(!r.warnings().isEmpty());
    warnings.setVisible(!r.warnings().isEmpty());
    showRows(r.preview());
  }

  private void showRows(List<Map<String, Object>> preview) {
    rows.removeAllColumns();
    Set<String> keys = new LinkedHashSet<>();
    preview.forEach(m -> keys.addAll(m.keySet()));
    for (String key : keys) {
      rows.addColumn(m -> cell(m.get(key))).setHeader(heading(key)).setAutoWidth(true);
    }
    rows.setItems(preview);
    rowsTitle.setText(
        preview.size() == 1
            ? "The first row as read"
            : "First " + preview.size() + " rows as read");
    rowsTitle.setVisible(!preview.isEmpty());
    rows.setVisible(!preview.isEmpty());
  }

  /** Column names a person reads, for the parsed fields' names ({@code weekStart}). */
  private static final Map<String, String> HEADINGS =
      Map.ofEntries(
          Map.entry("weekStart", "Week starting"),
          Map.entry("day", "Day"),
          Map.entry("identity", "Person (as in the file)"),
          Map.entry("discriminator", "Row key"),
          Map.entry("agent", "Agent used"),
          Map.entry("suggested", "Suggestions"),
          Map.entry("accepted", "Suggestions accepted"),
          Map.entry("estimatedCostCents", "Estimated cost (cents)"),
          Map.entry("externalId", "Id at the source"),
          Map.entry("teamNames", "Teams"),
          Map.entry("teamPath", "Team path"),
          Map.entry("aiInvolvement", "AI involvement"),
          Map.entry("postmortemUrl", "Postmortem"),
          Map.entry("startedAt", "Started"),
          Map.entry("resolvedAt", "Resolved"));

  /** {@code activeDays} → "Active days": the mapped name, else the field name in words. */
  static String heading(String key) {
    String mapped = HEADINGS.get(key);
    if (mapped != null) {
      return mapped;
    }
    String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String cell(Object value) {
    return value instanceof Boolean b ? (b ? "yes" : "no") : Objects.toString(value, "");
  }

  private static String outcomeText(ImportResult r) {
    if (r.dryRun()) {
      return switch (r.outcome()) {
        case "refused" -> "Dry run: would be refused, nothing would be applied";
        case "partially-applied" -> "Dry run: the valid rows would be applied";
        default -> "Dry run: would be applied";
      };
    }
    return switch (r.outcome()) {
      case "refused" -> "Refused: nothing applied";
      case "partially-applied" -> "Batch #" + r.batchId() + " partially applied";
      default -> "Batch #" + r.batchId() + " applied";
    };
  }

  /** A message the user can act on, for a failure the pipeline reports as an exception. */
  static String message(RuntimeException e) {
    if (e instanceof ValidationException v) {
      return String.join(
          "; ", v.problems().stream().map(p -> p.field() + ": " + p.message()).toList());
    }
    if (e instanceof ImportTooLargeException) {
      return e.getMessage();
    }
    return "an unexpected error (" + e.getClass().getSimpleName() + "); the server log has details";
  }
}
