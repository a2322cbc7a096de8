package dev.tandem.ingest.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.RouterLink;
import dev.tandem.ResetTables;
import dev.tandem.base.Scope;
import dev.tandem.ingest.ImportBatch;
import dev.tandem.ingest.ImportMode;
import dev.tandem.ingest.ImportService;
import dev.tandem.ingest.ImportService.FormatInfo;
import dev.tandem.ingest.format.ImportError;
import dev.tandem.roster.Developer;
import dev.tandem.roster.DeveloperFilter;
import dev.tandem.roster.RosterService;
import dev.tandem.ui.KaribuSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The Data screen with Karibu against the real services and an empty H2 database. */
@SpringBootTest
@ResetTables
class DataViewIT {

  private static final String BAD_USAGE =
      """
      week,email,tool,active_days,interactions,accepted_lines
      2026-W47,ana.silva@example.com,copilot,5,130,410
      2026-W47,li.wei@example.com,cursor,9,12,40
      """;
  private static final String GOOD_USAGE =
      """
      week,email,tool,active_days,interactions,accepted_lines
      2026-W47,ana.silva@example.com,copilot,5,130,410
      2026-W47,li.wei@example.com,cursor,4,12,40
      2026-W47,ghost@example.com,kiro,2,10,5
      """;

  @Autowired ApplicationContext context;
  @Autowired ImportService imports;
  @Autowired RosterService roster;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
    KaribuSupport.signIn("admin", "ADMIN");
    UI.getCurrent().navigate(DataView.class);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void the_data_screen_links_to_the_format_documentation_which_covers_every_format() {
    RouterLink link = _get(RouterLink.class, s -> s.withId("formats-link"));
    assertThat(link.getHref()).isEqualTo("data/formats");

    UI.getCurrent().navigate(link.getHref());

    String text = _get(Pre.class, s -> s.withId("formats-text")).getText();
    assertThat(ImportService.formats())
        .hasSize(14)
        .allSatisfy(f -> assertThat(text).contains("\n## " + f.key() + " — "));
    assertThat(text).contains("Active days and agent days").doesNotContain("../shared");
    KaribuSupport.signIn("member", "MEMBER");
    UI.getCurrent().navigate("data/formats");
    // Refused inside the app: the in-app page says so, the formats are not shown.
    assertThat(
            com.github.mvysny.kaributesting.v10.LocatorJ._find(
                dev.tandem.security.ui.AccessDeniedView.class))
        .hasSize(1);
    assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Pre.class)).isEmpty();
  }

  @Test
  void the_roster_imports_from_the_same_upload_and_shows_in_the_history() {
    upload("roster.csv", resource("roster.csv"));
    assertThat(_get(Span.class, s -> s.withId("file-info")).getText())
        .contains("detected tandem-roster-csv");
    preview();
    apply();

    Grid<ImportBatch> batches = batchGrid();
    assertThat(GridKt._size(batches)).isEqualTo(1);
    assertThat(GridKt._get(batches, 0).format()).isEqualTo("tandem-roster-csv");
    assertThat(GridKt._get(batches, 0).rowsApplied()).isEqualTo(5);
  }

  @Test
  void a_preview_names_the_bad_line_and_field_and_only_a_clean_preview_enables_apply() {
    upload("usage.csv", BAD_USAGE.getBytes(StandardCharsets.UTF_8));
    assertThat(formatBox().getValue().key()).isEqualTo("tandem-usage-csv");
    Button apply = _get(Button.class, b -> b.withId("apply"));
    assertThat(apply.isEnabled()).isFalse();

    preview();

    @SuppressWarnings("unchecked")
    Grid<ImportError> errors = _get(Grid.class, g -> g.withId("error-grid"));
    assertThat(GridKt._size(errors)).isEqualTo(1);
    ImportError error = GridKt._get(errors, 0);
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.field()).isEqualTo("active_days");
    assertThat(GridKt._getFormattedRow(errors, 0)).startsWith("3", "active_days");
    assertThat(_get(Span.class, s -> s.withId("import-outcome")).getText())
        .contains("would be refused");
    assertThat(apply.isEnabled()).isFalse();
    assertThat(hint())
        .isEqualTo(
            "Apply is disabled: the file would be refused (errors below). Fix the file, or"
                + " choose “Skip invalid rows” and preview again.");

    // Another mode: the old report no longer says what Apply would do, so it goes.
    @SuppressWarnings("unchecked")
    RadioButtonGroup<ImportMode> mode = _get(RadioButtonGroup.class, r -> r.withId("mode"));
    mode.setValue(ImportMode.SKIP_INVALID);
    assertThat(_find(Span.class, s -> s.withId("import-outcome"))).isEmpty();
    assertThat(_find(Grid.class, g -> g.withId("error-grid"))).isEmpty();
    assertThat(hint()).startsWith("The settings changed since the preview: preview again");
    assertThat(apply.isEnabled()).isFalse();

    preview();
    assertThat(_get(Span.class, s -> s.withId("import-outcome")).getText())
        .isEqualTo("Dry run: the valid rows would be applied");
    assertThat(apply.isEnabled()).isTrue();
    // Line 2 is read (held: nobody is on the roster yet); line 3 is rejected.
    assertThat(hint())
        .isEqualTo("Apply imports what the preview shows: 0 rows, 1 held until mapped.");
    assertThat(_get(H2.class, h -> h.withText("The first row as read"))).isNotNull();
    @SuppressWarnings("unchecked")
    Grid<?> rows = _get(Grid.class, g -> g.withId("preview-grid"));
    assertThat(rows.getColumns().stream().map(Grid.Column::getHeaderText).toList())
        .contains("Week starting", "Active days", "Interactions", "Accepted lines")
        .doesNotContain("weekStart", "activeDays");
    assertThat(imports.batches(10)).isEmpty();
  }

  private static String hint() {
    return _get(Span.class, s -> s.withId("apply-hint")).getText();
  }

  @Test
  void a_preview_flags_a_roster_email_that_only_looks_like_an_earlier_one_as_a_warning() {
    // Line 3 spells "maria" with a Cyrillic а (U+0430): the same person to the eye.
    String roster =
        "email,name,team_path,started_on\n"
            + "maria@example.com,Maria,engineering,2024-01-01\n"
            + "m\u0430ria@example.com,Mallory,engineering,2024-01-01\n";
    upload("roster.csv", roster.getBytes(StandardCharsets.UTF_8));
    preview();

    @SuppressWarnings("unchecked")
    Grid<ImportError> warnings = _get(Grid.class, g -> g.withId("warning-grid"));
    assertThat(GridKt._size(warnings)).isEqualTo(1);
    ImportError warning = GridKt._get(warnings, 0);
    assertThat(warning.line()).isEqualTo(3);
    assertThat(warning.field()).isEqualTo("email");
    assertThat(warning.message()).contains("looks like maria@example.com of line 2");
    assertThat(_get(H2.class, h -> h.withId("warnings-title")).getText()).isEqualTo("Warnings (1)");
    assertThat(imports.batches(10)).isEmpty();
    assertThat(this.roster.countDevelopers(new DeveloperFilter(null, Scope.ORGANISATION))).isZero();
  }

  @Test
  void apply_records_a_batch_holds_the_unknown_person_mapping_applies_and_undo_reverts() {
    upload("roster.csv", resource("roster.csv"));
    preview();
    apply();
    upload("usage.csv", GOOD_USAGE.getBytes(StandardCharsets.UTF_8));
    preview();
    assertThat(_get(Span.class, s -> s.withId("import-counts")).getText())
        .contains("3 read", "2 would apply", "1 unmatched");
    @SuppressWarnings("unchecked")
    Grid<?> rows = _get(Grid.class, g -> g.withId("preview-grid"));
    assertThat(GridKt._size(rows)).isEqualTo(3);

    apply();
    assertThat(NotificationsKt.getNotifications())
        .extracting(n -> n.getElement().getProperty("text"))
        .anyMatch(t -> t.contains("2 rows applied, 1 held as unmatched"));
    Grid<ImportBatch> batches = batchGrid();
    assertThat(GridKt._size(batches)).isEqualTo(2);
    ImportBatch usage = GridKt._get(batches, 0);
    assertThat(usage.format()).isEqualTo("tandem-usage-csv");
    assertThat(usage.outcome()).isEqualTo("applied");

    tab(2);
    @SuppressWarnings("unchecked")
    Grid<UnmatchedIdentities.Line> unmatched = _get(Grid.class, g -> g.withId("unmatched-grid"));
    assertThat(GridKt._getFormattedRow(unmatched, 0)).contains("tandem");
    assertThat(GridKt._get(unmatched, 1).externalId()).isEqualTo("ghost@example.com");
    ((Button) GridKt._getCellComponent(unmatched, 1, "map")).click();
    Developer omar =
        roster.developers(new DeveloperFilter("omar", Scope.ORGANISATION), 0, 1).get(0);
    @SuppressWarnings("unchecked")
    ComboBox<Developer> picker = _get(ComboBox.class, c -> c.withId("map-developer"));
    picker.setValue(omar);
    _get(Button.class, b -> b.withId("map-apply")).click();
    assertThat(imports.unmatchedIdentities()).isEmpty();
    assertThat(GridKt._size(unmatched)).isZero();

    tab(1);
    undoButton(batches, 0).click();
    ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
    assertThat(GridKt._get(batches, 0).outcome()).isEqualTo("undone");
    assertThat(_find(GridKt._getCellComponent(batches, 0, "outcome"), Button.class)).isEmpty();
  }

  private static Button undoButton(Grid<ImportBatch> batches, int row) {
    return _get(GridKt._getCellComponent(batches, row, "outcome"), Button.class);
  }

  private void upload(String name, byte[] bytes) {
    UploadKt._upload(_get(Upload.class), name, "text/csv", bytes);
    MockVaadin.clientRoundtrip();
  }

  private void preview() {
    _get(Button.class, b -> b.withId("preview")).click();
    awaitImport();
  }

  private void apply() {
    Button apply = _get(Button.class, b -> b.withId("apply"));
    assertThat(apply.isEnabled()).isTrue();
    apply.click();
    awaitImport();
  }

  /** The import runs on a background thread; its result reaches the UI on the next round trip. */
  private static void awaitImport() {
    UploadPanel panel = _get(UploadPanel.class);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (panel.isWorking()) {
      assertThat(System.nanoTime()).as("import finished in time").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      MockVaadin.clientRoundtrip();
    }
  }

  @SuppressWarnings("unchecked")
  private static ComboBox<FormatInfo> formatBox() {
    return _get(ComboBox.class, c -> c.withId("format"));
  }

  private static void tab(int index) {
    _get(TabSheet.class).setSelectedIndex(index);
  }

  @SuppressWarnings("unchecked")
  private static Grid<ImportBatch> batchGrid() {
    tab(1);
    return _get(Grid.class, g -> g.withId("batch-grid"));
  }

  private static byte[] resource(String name) {
    try (InputStream in = DataViewIT.class.getResourceAsStream("/ingest/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
