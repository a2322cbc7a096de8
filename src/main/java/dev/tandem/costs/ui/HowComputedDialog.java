package dev.tandem.costs.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

/** The "How it is computed" dialog of the seats and cost screen: every figure's definition. */
final class HowComputedDialog {

  private HowComputedDialog() {}

  /**
   * {@code k}: the smallest group shown (Settings → "Minimum group size (k)"), as the screen's
   * report uses it.
   */
  static Dialog open(int k) {
    Dialog dialog = new Dialog("How seats and cost are computed");
    dialog.setId("how-computed-dialog");
    dialog.setMaxWidth("46rem");
    dialog.add(
        new UnorderedList(
            new ListItem(
                "Seats: seats held on the period's last day (today while the period runs). A seat is held from assigned_on up to, not including, removed_on."),
            new ListItem(
                "Active seat holder: the holder had at least one active day with that tool in the four ISO weeks (28 days) up to and including the week of that day. Idle seats = seats − active seat holders."),
            new ListItem(
                "Seat cost: every day a seat was held costs its monthly price ÷ the days of that month, at the price of that day: the seat's own price from the import, else the price list's entry for its tool and seat type valid that day. Days without a price are reported, not counted as 0. A tool, team or month that held no seat shows \"no seats imported\": its seat cost, total cost and cost per developer are unknown, not 0."),
            new ListItem(
                "Where seats come from: seat lists (tandem-seats-csv; the Copilot seat list and Cursor's team members, each a snapshot whose missing seats close on the day of the import) and the subscription tier Kiro's user report and Claude Code's analytics give per day (a seat from the first day seen with a tier until the first day seen with another). A tier's seat counts only where no seat list gives that developer a seat of the tool."),
            new ListItem(
                "Usage-based cost: Kiro overage credits × the Kiro credit price, Copilot AI credits × the Copilot credit price, Cursor usage-based requests × the request price, Claude Code's estimated cost (US cents) × the US dollar rate. Rates are settings."),
            new ListItem(
                "Cost per active developer = total cost ÷ active developer-months (developers in headcount with an active day in a week starting in the month, once per month), pooled over the months: never an average of monthly figures."),
            new ListItem(
                "Cost per AI user-week = total cost ÷ developer-weeks in headcount with an active day (weeks starting in the period)."),
            new ListItem(
                "Small groups: a group whose busiest month had fewer than "
                    + k
                    + " seat holders and fewer than "
                    + k
                    + " active developers (the minimum group size, a setting) is hidden from anyone who may not see its individuals; when one sibling is hidden, the next smallest is too.")),
        new Button("Close", e -> dialog.close()));
    dialog.open();
    return dialog;
  }
}
