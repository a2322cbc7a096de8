package dev.tandem.reliability.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.ReportingPeriod;
import dev.tandem.base.WeekRange;
import dev.tandem.roster.Team;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The range (from/to week) and team picker, kept in the URL as {@code from}, {@code to} and {@code
 * team} so that a view can be bookmarked and shared.
 */
class ScopePicker extends HorizontalLayout {

  private final ComboBox<IsoWeek> from = new ComboBox<>("From week");
  private final ComboBox<IsoWeek> to = new ComboBox<>("To week");
  private final ComboBox<Team> team = new ComboBox<>("Team");
  private final List<Team> teams;
  private final ReportingPeriod period;
  private boolean quiet;

  /** Offers the weeks of {@link ReportingPeriod#choosableWeeks()}, so no pick exceeds the cap. */
  ScopePicker(List<Team> teams, ReportingPeriod period, Runnable onChange) {
    this.teams = teams;
    this.period = period;
    List<IsoWeek> weeks = period.choosableWeeks();
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
    // On a phone the pickers wrap onto more lines instead of being cut off.
    setWrap(true);
    team.setMaxWidth("100%");
    add(from, to, team);
  }

  /**
   * Reads the URL; unknown or malformed values fall back to the defaults by the one rule of {@link
   * ReportingPeriod#parseLeniently}.
   */
  void read(QueryParameters params) {
    quiet = true;
    try {
      WeekRange range =
          period.parseLeniently(
              params.getSingleParameter("from").orElse(null),
              params.getSingleParameter("to").orElse(null));
      from.setValue(range.from());
      to.setValue(range.to());
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
}
