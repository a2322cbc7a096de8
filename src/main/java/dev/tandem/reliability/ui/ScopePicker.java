package dev.tandem.reliability.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.WeekRange;
import dev.tandem.roster.Team;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The range (from/to week) and team picker, kept in the URL as {@code from}, {@code to} and {@code
 * team} so that a view can be bookmarked and shared.
 */
class ScopePicker extends HorizontalLayout {

  private final ComboBox<IsoWeek> from = new ComboBox<>("From week");
  private final ComboBox<IsoWeek> to = new ComboBox<>("To week");
  private final ComboBox<Team> team = new ComboBox<>("Team");
  private final List<Team> teams;
  private final IsoWeek lastComplete;
  private final WeekRange defaultRange;
  private boolean quiet;

  ScopePicker(List<Team> teams, IsoWeek lastComplete, WeekRange defaultRange, Runnable onChange) {
    this.teams = teams;
    this.lastComplete = lastComplete;
    this.defaultRange = defaultRange;
    List<IsoWeek> weeks = new ArrayList<>();
    for (int i = 0; i < 156; i++) {
      weeks.add(lastComplete.minus(i));
    }
    from.setId("range-from");
    to.setId("range-to");
    team.setId("team");
    from.setItems(weeks);
    to.setItems(weeks);
    from.setItemLabelGenerator(IsoWeek::toString);
    to.setItemLabelGenerator(IsoWeek::toString);
    team.setItems(teams);
    team.setItemLabelGenerator(Team::name);
    team.setPlaceholder("Whole organisation");
    team.setClearButtonVisible(true);
    from.setWidth("9em");
    to.setWidth("9em");
    for (var field : List.of(from, to)) {
      field.addValueChangeListener(
          e -> {
            if (!quiet && valid()) {
              onChange.run();
            }
          });
    }
    team.addValueChangeListener(
        e -> {
          if (!quiet && valid()) {
            onChange.run();
          }
        });
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(from, to, team);
  }

  /** Reads the URL; unknown or malformed values fall back to the defaults. */
  void read(QueryParameters params) {
    quiet = true;
    try {
      IsoWeek first = week(params, "from").orElse(defaultRange.from());
      IsoWeek last = week(params, "to").orElse(defaultRange.to());
      if (first.compareTo(last) > 0) {
        first = defaultRange.from();
        last = defaultRange.to();
      }
      from.setValue(first);
      to.setValue(last);
      String key = params.getSingleParameter("team").orElse(null);
      team.setValue(teams.stream().filter(t -> t.key().equals(key)).findFirst().orElse(null));
    } finally {
      quiet = false;
    }
  }

  WeekRange range() {
    return new WeekRange(from.getValue(), to.getValue());
  }

  String teamKey() {
    return team.getValue() == null ? null : team.getValue().key();
  }

  /** The picker's state as URL parameters. */
  Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from", from.getValue().toString());
    p.put("to", to.getValue().toString());
    if (teamKey() != null) {
      p.put("team", teamKey());
    }
    return p;
  }

  private boolean valid() {
    boolean ok =
        from.getValue() != null
            && to.getValue() != null
            && from.getValue().compareTo(to.getValue()) <= 0;
    to.setInvalid(!ok);
    to.setErrorMessage(ok ? null : "Choose a week on or after the first week");
    return ok;
  }

  private Optional<IsoWeek> week(QueryParameters params, String name) {
    try {
      return params
          .getSingleParameter(name)
          .map(IsoWeek::parse)
          .filter(w -> w.compareTo(lastComplete) <= 0);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
