package dev.tandem.adoption.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

/** The definitions behind the Adoption screen (DESIGN §3.1), one click away. */
final class HowComputed {

  private HowComputed() {}

  static Dialog adoption(double goal) {
    Dialog dialog = new Dialog("How adoption is computed");
    dialog.setId("how-computed-dialog");
    dialog.setMaxWidth("46rem");
    dialog.add(
        new UnorderedList(
            new ListItem(
                "Headcount(W): developers in the scope (the team and every team below it), not excluded, who started on or "
                    + "before Sunday of W and had not left before Monday of W."),
            new ListItem(
                "AI user in W: in headcount and at least one active day with at least one AI tool in W. Several tools count once."),
            new ListItem(
                "Adoption(W) = AI users ÷ headcount. The goal is "
                    + Math.round(goal * 100)
                    + "% (a setting)."),
            new ListItem("Reach(W, tool) = users of that tool ÷ headcount."),
            new ListItem(
                "Agent user in W: in headcount and at least one day in W on which a tool acted on its own across files, "
                    + "terminals or tools (agent chat, coding agent, CLI agent), not just completions. Agent adoption = agent "
                    + "users ÷ headcount, pooled like adoption. Kiro and Claude Code are agentic throughout; data that cannot "
                    + "tell agent use apart (e.g. a Tandem usage file without agent_days) counts for nothing in it."),
            new ListItem(
                "Over several weeks adoption is pooled: Σ AI users ÷ Σ headcount (developer-weeks), never an average of percentages."),
            new ListItem(
                "Intensity per AI user-week: active days summed over tools, capped at 7: light 1, moderate 2–3, heavy 4+."),
            new ListItem(
                "Forecast: least-squares line through the last 8 complete weeks; the first future week the line reaches the goal, "
                    + "or not on track when the slope is not positive."),
            new ListItem(
                "Usage by identities not on the roster, or outside employment dates, is never counted; it is shown as 'Not counted'."),
            new ListItem("Weeks are ISO weeks (Monday–Sunday) in the organisation's time zone.")));
    dialog.getFooter().add(new Button("Close", e -> dialog.close()));
    return dialog;
  }
}
