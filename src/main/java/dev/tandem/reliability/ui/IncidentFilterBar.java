package dev.tandem.reliability.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.RootCause;
import dev.tandem.base.Scope;
import dev.tandem.base.Severity;
import dev.tandem.base.Vocabulary;
import dev.tandem.reliability.IncidentFilter;
import dev.tandem.reliability.Safeguard;
import dev.tandem.roster.Team;
import dev.tandem.tools.Tool;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Incidents screen's filters: what they hold as an {@link IncidentFilter}, and the same filters
 * read from the URL as the Reliability screen links them ({@link IncidentLinks}).
 */
class IncidentFilterBar extends HorizontalLayout {

  private final TextField text = new TextField();
  private final MultiSelectComboBox<Severity> severity = new MultiSelectComboBox<>("Severity");
  private final MultiSelectComboBox<AiInvolvement> involvement =
      new MultiSelectComboBox<>("AI involvement");
  private final ComboBox<Tool> tool = new ComboBox<>("Tool");
  private final ComboBox<Team> team = new ComboBox<>("Team");
  private final ComboBox<RootCause> rootCause = new ComboBox<>("Root cause");
  private final ComboBox<Safeguard> gap = new ComboBox<>("Safeguard gap");
  private final DatePicker from = new DatePicker("Started from");
  private final DatePicker to = new DatePicker("Started to");
  private final List<Tool> tools;
  private final List<Team> teams;
  private final Runnable onChange;
  private boolean quiet;

  /** {@code teams}: the teams the caller may filter by; {@code onChange} runs on every change. */
  IncidentFilterBar(List<Tool> tools, List<Team> teams, Runnable onChange) {
    this.tools = tools;
    this.teams = teams;
    this.onChange = onChange;
    text.setPlaceholder("Search title, service or id");
    text.setAriaLabel("Search title, service or id");
    text.setPrefixComponent(VaadinIcon.SEARCH.create());
    text.setValueChangeMode(ValueChangeMode.LAZY);
    text.setClearButtonVisible(true);
    severity.setItems(Severity.values());
    severity.setItemLabelGenerator(Severity::label);
    involvement.setItems(AiInvolvement.values());
    involvement.setItemLabelGenerator(AiInvolvement::label);
    tool.setItems(tools);
    tool.setItemLabelGenerator(Tool::name);
    team.setItems(teams);
    team.setItemLabelGenerator(Team::name);
    rootCause.setItems(RootCause.values());
    rootCause.setItemLabelGenerator(RootCause::label);
    for (var c : List.of(tool, team)) {
      c.setClearButtonVisible(true);
    }
    rootCause.setClearButtonVisible(true);
    severity.setWidth("11rem");
    involvement.setWidth("13rem");
    rootCause.setWidth("11rem");
    gap.setWidth("13rem");
    text.setWidth("16rem");
    gap.setItems(Safeguard.values());
    gap.setItemLabelGenerator(Safeguard::label);
    gap.setClearButtonVisible(true);
    gap.setId("safeguard-gap");
    tool.setId("incident-tool");
    rootCause.setId("incident-root-cause");
    involvement.setId("incident-involvement");
    gap.addValueChangeListener(e -> changed());
    text.addValueChangeListener(e -> changed());
    severity.addValueChangeListener(e -> changed());
    involvement.addValueChangeListener(e -> changed());
    tool.addValueChangeListener(e -> changed());
    team.addValueChangeListener(e -> changed());
    rootCause.addValueChangeListener(e -> changed());
    from.addValueChangeListener(e -> changed());
    to.addValueChangeListener(e -> changed());
    add(text, severity, involvement, tool, team, rootCause, gap, from, to);
    setWrap(true);
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
  }

  IncidentFilter filter() {
    return new IncidentFilter(
        text.getValue(),
        severity.getValue(),
        involvement.getValue(),
        tool.getValue() == null ? null : tool.getValue().key(),
        team.getValue() == null ? Scope.ORGANISATION : Scope.team(team.getValue().key()),
        rootCause.getValue(),
        from.getValue(),
        to.getValue(),
        gap.getValue());
  }

  /**
   * Filters given in the URL, as the Reliability screen's safeguard cells link them: {@code
   * involvement} (repeatable), {@code tool}, {@code team}, {@code from}/{@code to} (days), {@code
   * gap} (a safeguard key) and {@code cause} (a root cause). Unknown values are ignored; {@code
   * onChange} runs once at the end.
   */
  void apply(Map<String, List<String>> p) {
    quiet = true;
    try {
      involvement.setValue(
          p.getOrDefault("involvement", List.of()).stream()
              .flatMap(v -> Vocabulary.fromStored(AiInvolvement.class, v).stream())
              .collect(Collectors.toSet()));
      tool.setValue(
          first(p, "tool")
              .flatMap(k -> tools.stream().filter(t -> t.key().equals(k)).findFirst())
              .orElse(null));
      team.setValue(
          first(p, "team")
              .flatMap(k -> teams.stream().filter(t -> t.key().equals(k)).findFirst())
              .orElse(null));
      gap.setValue(first(p, "gap").flatMap(Safeguard::fromKey).orElse(null));
      rootCause.setValue(
          first(p, "cause").flatMap(c -> Vocabulary.fromStored(RootCause.class, c)).orElse(null));
      from.setValue(first(p, "from").flatMap(IncidentFilterBar::day).orElse(null));
      to.setValue(first(p, "to").flatMap(IncidentFilterBar::day).orElse(null));
    } finally {
      quiet = false;
    }
    onChange.run();
  }

  private void changed() {
    if (!quiet) {
      onChange.run();
    }
  }

  private static Optional<String> first(Map<String, List<String>> p, String name) {
    return p.getOrDefault(name, List.of()).stream().findFirst();
  }

  private static Optional<LocalDate> day(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
