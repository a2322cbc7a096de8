package dev.tandem.reliability.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import dev.tandem.base.AiInvolvement;
import dev.tandem.reliability.Exposure;
import dev.tandem.reliability.Incident;
import dev.tandem.ui.KaribuSupport;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

// The demo context the browser tests share (one demo start for all of them).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class IncidentsViewIT {

  @Autowired ApplicationContext context;

  @BeforeEach
  void setUp() {
    KaribuSupport.setUp(context);
  }

  @AfterEach
  void tearDown() {
    KaribuSupport.tearDown();
  }

  @Test
  void the_grid_lists_the_demo_incidents_and_filters_by_involvement() {
    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent().navigate(IncidentsView.class);
    @SuppressWarnings("unchecked")
    Grid<Incident> grid = _get(Grid.class, spec -> spec.withId("incident-grid"));
    assertThat(GridKt._size(grid)).isEqualTo(62);
    assertThat(_find(Button.class, spec -> spec.withText("New incident"))).isEmpty();

    @SuppressWarnings("unchecked")
    var involvement =
        (com.vaadin.flow.component.combobox.MultiSelectComboBox<AiInvolvement>)
            _get(
                com.vaadin.flow.component.combobox.MultiSelectComboBox.class,
                spec -> spec.withLabel("AI involvement"));
    involvement.setValue(java.util.Set.of(AiInvolvement.UNKNOWN));
    assertThat(GridKt._size(grid)).isBetween(1, 5);
    assertThat(GridKt._get(grid, 0).aiInvolvement()).isEqualTo(AiInvolvement.UNKNOWN);

    // Names, not keys, in the tool and team columns.
    involvement.setValue(java.util.Set.of(AiInvolvement.ASSISTED, AiInvolvement.AGENT));
    Incident first = GridKt._get(grid, 0);
    assertThat(first.tool()).isNotNull();
    java.util.List<String> cells = GridKt._getFormattedRow(grid, 0);
    assertThat(cells).doesNotContain(first.tool(), first.teamKey());
    assertThat(String.join("|", cells))
        .containsAnyOf("Claude Code", "Cursor", "GitHub Copilot", "Kiro", "Amazon Q Developer");
  }

  @Test
  void the_form_requires_a_tool_when_ai_was_involved_and_a_web_address_for_the_postmortem() {
    KaribuSupport.signIn("admin", "ADMIN");
    UI.getCurrent().navigate(IncidentsView.class);
    _get(Button.class, spec -> spec.withText("New incident")).click();
    _get(TextField.class, spec -> spec.withLabel("Incident id")).setValue("FORM-1");
    _get(TextField.class, spec -> spec.withLabel("Title")).setValue("Checkout errors");
    @SuppressWarnings("unchecked")
    Select<AiInvolvement> involvement =
        _get(Select.class, spec -> spec.withLabel("AI involvement"));
    involvement.setValue(AiInvolvement.ASSISTED);
    _get(TextField.class, spec -> spec.withLabel("Postmortem URL")).setValue("wiki/pm/1");
    _get(Button.class, spec -> spec.withText("Save")).click();

    @SuppressWarnings("unchecked")
    ComboBox<?> tool =
        _get(_get(IncidentDialog.class), ComboBox.class, spec -> spec.withLabel("Tool"));
    assertThat(tool.isInvalid()).isTrue();
    assertThat(tool.getErrorMessage()).contains("required when AI was involved");
    TextField url = _get(TextField.class, spec -> spec.withLabel("Postmortem URL"));
    assertThat(url.isInvalid()).isTrue();
    var started =
        _get(
            com.vaadin.flow.component.datetimepicker.DateTimePicker.class,
            spec -> spec.withLabel("Started"));
    assertThat(started.isInvalid()).isTrue();

    involvement.setValue(AiInvolvement.NONE);
    assertThat(tool.isEnabled()).isFalse();
  }

  @Test
  void the_reliability_screen_reads_its_state_from_the_url() {
    KaribuSupport.signIn("leader", "LEADER");
    UI.getCurrent()
        .navigate(
            "reliability",
            QueryParameters.simple(
                Map.of(
                    "from",
                    "2026-W01",
                    "to",
                    "2026-W04",
                    "team",
                    "commerce",
                    "exposure",
                    "developer-weeks")));
    @SuppressWarnings("unchecked")
    RadioButtonGroup<Exposure> exposure =
        _get(RadioButtonGroup.class, spec -> spec.withId("exposure"));
    assertThat(exposure.getValue()).isEqualTo(Exposure.DEVELOPER_WEEKS);
    assertThat(_get(ComboBox.class, spec -> spec.withId("from-week")).getValue().toString())
        .isEqualTo("2026-W01");
    assertThat(_get(ComboBox.class, spec -> spec.withId("scope-picker")).getValue().toString())
        .contains("commerce");
  }
}
