package dev.tandem.adoption.ui;

import com.vaadin.flow.component.grid.Grid;
import dev.tandem.adoption.InactiveDeveloper;
import dev.tandem.adoption.InactiveDevelopers;
import dev.tandem.base.IsoWeek;
import java.util.List;
import java.util.Map;

/** The developers without AI use on the Adoption screen, paged on demand. */
class InactiveDevelopersGrid extends Grid<InactiveDeveloper> {

  /** Fetches one further page (offset, limit) of the list. */
  interface Pages {
    List<InactiveDeveloper> fetch(int offset, int limit);
  }

  private final int allRowsUpTo;

  InactiveDevelopersGrid(Map<String, String> teamNames, int allRowsUpTo) {
    this.allRowsUpTo = allRowsUpTo;
    setId("inactive-developers");
    addColumn(InactiveDeveloper::name).setHeader("Developer").setAutoWidth(true);
    addColumn(InactiveDeveloper::email).setHeader("Email").setAutoWidth(true);
    addColumn(d -> teamNames.getOrDefault(d.teamKey(), d.teamKey()))
        .setHeader("Team")
        .setAutoWidth(true);
    addColumn(d -> d.lastAiWeek() == null ? "never" : IsoWeek.starting(d.lastAiWeek()).toString())
        .setHeader("Last AI use");
    setEmptyStateText("Everyone in this scope used an AI tool in the last 4 weeks.");
  }

  /**
   * The first rows came with the screen's snapshot, further pages are fetched as the grid scrolls
   * (a whole organisation's list can run to thousands).
   */
  void show(InactiveDevelopers first, Pages more) {
    int count = first.total();
    setAllRowsVisible(count <= allRowsUpTo);
    setHeight(count <= allRowsUpTo ? null : "28rem");
    List<InactiveDeveloper> rows = first.rows();
    setItems(
        q -> {
          int end = q.getOffset() + q.getLimit();
          if (end <= rows.size() || rows.size() == count) {
            return rows
                .subList(Math.min(q.getOffset(), rows.size()), Math.min(end, rows.size()))
                .stream();
          }
          return more.fetch(q.getOffset(), q.getLimit()).stream();
        },
        q -> count);
  }
}
