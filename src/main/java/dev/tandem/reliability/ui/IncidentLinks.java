package dev.tandem.reliability.ui;

import com.vaadin.flow.router.QueryParameters;
import dev.tandem.base.AiInvolvement;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses of the Incidents screen filtered to what a figure of the Reliability screen counts: its
 * group (AI-involved, agent-executed, a tool, or no AI), the screen's scope and period, and a
 * safeguard gap or root cause. The Incidents screen reads the same parameters.
 */
final class IncidentLinks {

  /** The group of all AI-involved incidents (assisted or agent-executed). */
  static final List<String> AI_INVOLVED =
      List.of(AiInvolvement.ASSISTED.stored(), AiInvolvement.AGENT.stored());

  /** The group of incidents without AI (the baseline). */
  static final List<String> NO_AI = List.of(AiInvolvement.NONE.stored());

  private final WeekRange range;
  private final Scope scope;

  IncidentLinks(WeekRange range, Scope scope) {
    this.range = range;
    this.scope = scope;
  }

  /** Incidents of {@code involvement} (and {@code tool} if given) in the scope and period. */
  String of(List<String> involvement, String tool) {
    return with(involvement, tool, null, null);
  }

  /**
   * As {@link #of}, narrowed to a safeguard gap key ({@code gap}) or a root cause ({@code cause}).
   */
  String with(List<String> involvement, String tool, String gap, String cause) {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("involvement", involvement);
    if (tool != null) {
      p.put("tool", List.of(tool));
    }
    if (gap != null) {
      p.put("gap", List.of(gap));
    }
    if (cause != null) {
      p.put("cause", List.of(cause));
    }
    scope.teamKey().ifPresent(key -> p.put("team", List.of(key)));
    p.put("from", List.of(range.from().monday().toString()));
    p.put("to", List.of(range.to().sunday().toString()));
    return "incidents?" + new QueryParameters(p).getQueryString();
  }
}
