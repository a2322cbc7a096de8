package dev.tandem.reliability.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dev.tandem.reliability.Comparison;
import dev.tandem.reliability.ToolFigures;
import dev.tandem.reliability.WithinTeams;
import dev.tandem.reliability.WithinTeamsFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which teams each comparison within teams (DESIGN §3.3) compared and which it left out, by name
 * and reason. Teams with fewer than k developers are counted, not named, for a viewer who may not
 * see them (DESIGN §3.4); no per-team figure is shown.
 */
class WithinTeamsDetails extends Details {

  /** Names listed per reason before "and N more". */
  static final int NAMES_SHOWN = 12;

  private final Div body = new Div();

  WithinTeamsDetails() {
    setSummaryText("Teams compared within teams, and teams left out");
    setId("within-teams-details");
    body.addClassName("tandem-explainer");
    add(body);
  }

  void show(Comparison c) {
    body.removeAll();
    List<ToolFigures> rows = new ArrayList<>();
    if (c.allAi() != null) {
      rows.add(c.allAi());
    }
    rows.addAll(c.tools());
    for (ToolFigures t : rows) {
      if (t.suppressed() || t.withinTeams() == null) {
        continue;
      }
      Paragraph p = new Paragraph(line(t));
      p.getElement().setAttribute("data-group", t.tool());
      body.add(p);
    }
  }

  /**
   * "Kiro: 2 teams compared, 1 left out. Left out: Data (no Kiro exposure). 1 team of fewer than 5
   * developers left out, not named."
   */
  static String line(ToolFigures t) {
    WithinTeams w = t.withinTeams();
    String name = WithinTeamsFormat.usedName(t);
    StringBuilder s =
        new StringBuilder(t.name())
            .append(": ")
            .append(WithinTeamsFormat.withinTeamsReason(w, name));
    if (w.suppressed()) {
      return s.toString();
    }
    for (WithinTeams.Reason reason : WithinTeams.Reason.values()) {
      List<String> names =
          w.dropped().stream()
              .filter(d -> d.reason() == reason)
              .map(d -> d.name())
              .sorted()
              .toList();
      if (names.isEmpty()) {
        continue;
      }
      s.append(" Left out, ")
          .append(reason(reason, name))
          .append(": ")
          .append(names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", ")))
          .append(
              names.size() > NAMES_SHOWN ? " and " + (names.size() - NAMES_SHOWN) + " more" : "")
          .append(".");
    }
    if (w.droppedUnnamed() > 0) {
      s.append(" ")
          .append(w.droppedUnnamed())
          .append(w.droppedUnnamed() == 1 ? " small team" : " small teams")
          .append(" left out, not named (too few developers to show).");
    }
    if (w.incidentsWithoutTeam() > 0) {
      s.append(" ")
          .append(w.incidentsWithoutTeam())
          .append(w.incidentsWithoutTeam() == 1 ? " incident has" : " incidents have")
          .append(" no owning team and count only in the crude comparison.");
    }
    return s.toString();
  }

  private static String reason(WithinTeams.Reason reason, String name) {
    return switch (reason) {
      case NO_TOOL_EXPOSURE -> "no exposure with " + name;
      case NO_BASELINE_EXPOSURE -> "no exposure without AI";
      case NO_EXPOSURE -> "incidents but no exposure";
    };
  }
}
