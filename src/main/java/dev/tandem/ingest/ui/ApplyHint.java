package dev.tandem.ingest.ui;

import com.vaadin.flow.component.html.Span;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportResult;

/**
 * The line beside Apply that says why it is disabled or what it will do: always shown, not in a
 * tooltip that a disabled button never shows.
 */
class ApplyHint extends Span {

  ApplyHint() {
    setId("apply-hint");
    addClassName("tandem-explainer");
  }

  /** Before a (new) preview: what is missing, or that the settings changed since the last one. */
  void beforePreview(boolean hasFile, boolean hasFormat, boolean previewed) {
    if (!hasFile) {
      setText("Upload a file and preview it; Apply is enabled after a preview.");
    } else if (!hasFormat) {
      setText("Choose the file's format and preview it; Apply is enabled after a preview.");
    } else if (previewed) {
      setText(
          "The settings changed since the preview: preview again to see what they would apply.");
    } else {
      setText("Apply is enabled after a preview (dry run) with these settings.");
    }
  }

  /**
   * After a preview: what Apply would import, or why it is disabled. Returns whether Apply may run
   * (not refused, and some row read).
   */
  boolean previewed(ImportResult result, ImportMode mode) {
    boolean applicable = !result.refused() && result.rowsRead() > 0;
    if (applicable) {
      setText(
          String.format(
              "Apply imports what the preview shows: %,d %s, %,d held until mapped.",
              result.rowsApplied(),
              result.rowsApplied() == 1 ? "row" : "rows",
              result.rowsUnmatched()));
    } else if (result.refused() && mode == ImportMode.ALL_OR_NOTHING) {
      setText(
          "Apply is disabled: the file would be refused (errors below). Fix the file, or choose"
              + " “Skip invalid rows” and preview again.");
    } else if (result.refused()) {
      setText(
          "Apply is disabled: the file would be refused (errors below). Fix the file and upload"
              + " it again.");
    } else {
      setText("Apply is disabled: the preview read no rows.");
    }
    return applicable;
  }

  /** After applying: nothing more to apply from this file. */
  void applied(ImportResult result) {
    setText(
        result.refused()
            ? "Nothing was applied. Fix the file and upload it again."
            : "Applied. Upload another file to import more.");
  }
}
