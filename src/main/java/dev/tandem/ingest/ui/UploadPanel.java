package dev.tandem.ingest.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.tandem.base.ui.Notifications;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportRequest;
import dev.tandem.ingest.ImportResult;
import dev.tandem.ingest.ImportService;
import dev.tandem.ingest.ImportService.FormatInfo;
import dev.tandem.tools.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload one file, let the detected format be overridden, preview it as a dry run, then apply it.
 * Imports run off the request thread; the UI polls while the indeterminate progress bar shows.
 */
class UploadPanel extends VerticalLayout {

  private static final Logger LOG = LoggerFactory.getLogger(UploadPanel.class);
  private static final int HEAD = 8192;
  private static final int POLL_MS = 500;
  static final String Q_DEVELOPER = "q-developer-csv";

  private final BackgroundImport background;
  private final Runnable onApplied;
  private final long maxBytes;
  private final Upload upload;
  private final Span fileInfo = new Span("No file yet.");
  private final ComboBox<FormatInfo> format = new ComboBox<>("Format");
  private final ComboBox<String> tool = new ComboBox<>("Tool of the report");
  private final RadioButtonGroup<ImportMode> mode = new RadioButtonGroup<>("Mode");
  private final Button preview = new Button("Preview (dry run)", VaadinIcon.EYE.create());
  private final Button apply = new Button("Apply", VaadinIcon.CHECK.create());
  private final ProgressBar progress = new ProgressBar();
  private final Span progressText = new Span();
  private final ApplyHint applyHint = new ApplyHint();
  private final ImportReport report = new ImportReport();
  private Path file;
  private String fileName;
  private boolean working;

  UploadPanel(ImportService imports, List<Tool> tools, Executor executor, Runnable onApplied) {
    this.background = new BackgroundImport(imports, executor, POLL_MS);
    this.onApplied = onApplied;
    this.maxBytes = imports.maxBytes();
    setPadding(false);

    upload = new Upload(receiver());
    upload.setId("upload");
    upload.setMaxFiles(1);
    upload.setMaxFileSize((int) Math.min(maxBytes, Integer.MAX_VALUE));
    upload.setDropLabel(
        new Span("Drop a file here (up to " + UploadFiles.megabytes(maxBytes) + ")"));
    upload.addFileRejectedListener(
        e -> Notifications.error(e.getFileName() + " was not uploaded: " + e.getErrorMessage()));
    upload.addFileRemovedListener(e -> forgetFile());
    fileInfo.setId("file-info");

    format.setId("format");
    format.setItems(ImportService.formats());
    format.setItemLabelGenerator(f -> f.key() + " · " + f.description());
    // Its full width up to 34rem, so on a phone it fits the screen instead of running off it.
    format.setWidth("34rem");
    format.setMaxWidth("100%");
    format.setPlaceholder("Upload a file or choose its format");
    format.addValueChangeListener(
        e -> {
          tool.setVisible(e.getValue() != null && Q_DEVELOPER.equals(e.getValue().key()));
          stale();
        });
    tool.setId("tool");
    tool.setItems(tools.stream().map(Tool::key).toList());
    tool.setPlaceholder("q-developer");
    tool.setHelperText("Kiro's legacy report: choose kiro");
    tool.setClearButtonVisible(true);
    tool.setVisible(false);
    tool.addValueChangeListener(e -> stale());
    mode.setId("mode");
    mode.setItems(ImportMode.values());
    mode.setItemLabelGenerator(
        m ->
            m == ImportMode.ALL_OR_NOTHING
                ? "All or nothing (any error applies nothing)"
                : "Skip invalid rows (apply the valid ones)");
    mode.setValue(ImportMode.ALL_OR_NOTHING);
    mode.addValueChangeListener(e -> stale());

    preview.setId("preview");
    preview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    preview.setEnabled(false);
    preview.addClickListener(e -> run(true));
    apply.setId("apply");
    apply.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
    apply.setEnabled(false);
    apply.getElement().setAttribute("aria-describedby", "apply-hint");
    apply.addClickListener(e -> run(false));
    progress.setId("import-progress");
    progress.setIndeterminate(true);
    progress.setWidth("12rem");
    progress.setVisible(false);
    progressText.setVisible(false);

    HorizontalLayout settings = new HorizontalLayout(format, tool, mode);
    settings.setWrap(true);
    settings.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    HorizontalLayout actions = new HorizontalLayout(preview, apply, progress, progressText);
    actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    add(upload, fileInfo, settings, actions, applyHint, report);
  }

  /** Streams the upload to a temporary file, refusing more than the import limit. */
  private UploadHandler receiver() {
    return event -> {
      UploadFiles.Spooled spooled = UploadFiles.spool(event.getInputStream(), maxBytes);
      String name = event.getFileName();
      event.getUI().access(() -> received(name, spooled.file(), spooled.size()));
    };
  }

  void received(String name, Path tmp, long size) {
    forgetFile();
    if (tmp == null) {
      upload.clearFileList();
      Notifications.error(
          name
              + " is larger than the import limit of "
              + UploadFiles.megabytes(maxBytes)
              + "; nothing read.");
      return;
    }
    // The line below the drop zone names the file; an empty list lets the next file replace it.
    upload.clearFileList();
    file = tmp;
    fileName = name;
    String detected = UploadFiles.detect(tmp);
    String text = name + " · " + String.format("%,d", size) + " bytes";
    if (detected == null) {
      fileInfo.setText(text + " · format not recognised: choose it below");
    } else {
      fileInfo.setText(text + " · detected " + detected);
      format.setValue(
          ImportService.formats().stream()
              .filter(f -> f.key().equals(detected))
              .findFirst()
              .orElse(null));
    }
    report.clear();
    stale();
  }

  /**
   * Anything changed since the preview: its report no longer describes what Apply would do, so it
   * goes, and the file must be previewed again before applying.
   */
  private void stale() {
    boolean previewed = report.isVisible();
    report.clear();
    apply.setEnabled(false);
    preview.setEnabled(!working && file != null && format.getValue() != null);
    applyHint.beforePreview(file != null, format.getValue() != null, previewed);
  }

  private void run(boolean dryRun) {
    if (file == null || format.getValue() == null || working) {
      return;
    }
    ImportRequest request =
        new ImportRequest(format.getValue().key(), mode.getValue(), dryRun, fileName, toolKey());
    Path source = file;
    UI ui = UI.getCurrent();
    working(true, (dryRun ? "Checking " : "Importing ") + fileName + "…");
    ui.setPollInterval(POLL_MS);
    background.start(
        ui, request, source, progressText::setText, (done, e) -> finished(ui, request, done, e));
  }

  private void finished(UI ui, ImportRequest request, ImportResult result, RuntimeException e) {
    ui.setPollInterval(-1);
    working(false, "");
    if (e != null) {
      LOG.warn("import of {} failed", request.fileName(), e);
      Notifications.error(
          "The import of " + request.fileName() + " failed: " + ImportReport.message(e));
      stale();
      return;
    }
    report.show(result);
    if (request.dryRun()) {
      // What the preview found decides whether Apply may run; the hint says why not.
      apply.setEnabled(applyHint.previewed(result, mode.getValue()));
      return;
    }
    apply.setEnabled(false);
    applyHint.applied(result);
    if (result.refused()) {
      Notifications.error(
          request.fileName() + " was refused: nothing applied. See the errors below.");
    } else {
      Notifications.success(
          "Batch #"
              + result.batchId()
              + ": "
              + result.rowsApplied()
              + " rows applied, "
              + result.rowsUnmatched()
              + " held as unmatched");
    }
    onApplied.run();
  }

  private void working(boolean on, String text) {
    working = on;
    progress.setVisible(on);
    progressText.setText(text);
    progressText.setVisible(on);
    if (on) {
      applyHint.setText("");
    }
    preview.setEnabled(!on && file != null && format.getValue() != null);
    apply.setEnabled(false);
    upload.setEnabled(!on);
  }

  boolean isWorking() {
    return working;
  }

  private String toolKey() {
    return tool.isVisible() ? tool.getValue() : null;
  }

  private void forgetFile() {
    if (file != null) {
      UploadFiles.deleteQuietly(file);
    }
    file = null;
    fileName = null;
    fileInfo.setText("No file yet.");
    stale();
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    stale();
  }

  @Override
  protected void onDetach(DetachEvent event) {
    if (!working) {
      forgetFile();
    }
    super.onDetach(event);
  }
}
