package dev.tandem.base.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;
import dev.tandem.base.IsoWeek;
import dev.tandem.base.ReportingPeriod;
import dev.tandem.base.Scope;
import dev.tandem.base.WeekRange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The scope (team) and week-range picker shared by the metric screens. Its state lives in the URL
 * as {@code team}, {@code from} and {@code to}, so a view can be shared by copying the address.
 */
public class ScopeRangePicker extends HorizontalLayout {

  /** A scope a user can pick (a team, or the whole organisation) and its label. */
  public record ScopeOption(Scope scope, String label) {}

  /** What is picked. */
  public record Selection(Scope scope, WeekRange range) {

    public QueryParameters toQueryParameters() {
      Map<String, List<String>> params = new LinkedHashMap<>();
      scope.teamKey().ifPresent(key -> params.put("team", List.of(key)));
      params.put("from", List.of(range.from().toString()));
      params.put("to", List.of(range.to().toString()));
      return new QueryParameters(params);
    }

    /**
     * Reads team/from/to from the URL; missing or malformed values fall back to the defaults, and
     * the range is read by the one rule of {@link ReportingPeriod#parseLeniently}.
     */
    public static Selection from(
        QueryParameters query, ReportingPeriod period, Scope defaultScope) {
      Map<String, List<String>> p = query.getParameters();
      Scope scope = first(p, "team").map(Scope::of).orElse(defaultScope);
      return new Selection(
          scope, period.parseLeniently(first(p, "from").orElse(null), first(p, "to").orElse(null)));
    }
  }

  private final ComboBox<ScopeOption> scope = new ComboBox<>("Scope");
  private final ComboBox<IsoWeek> from = new ComboBox<>("From week");
  private final ComboBox<IsoWeek> to = new ComboBox<>("To week");
  private boolean updating;

  /** Offers the weeks of {@link ReportingPeriod#choosableWeeks()}, so no pick exceeds the cap. */
  public ScopeRangePicker(
      List<ScopeOption> scopes, ReportingPeriod period, Consumer<Selection> onChange) {
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    // On a narrow screen (a phone) the pickers wrap onto more lines instead of being cut off.
    setWrap(true);
    List<IsoWeek> weeks = period.choosableWeeks();
    scope.setItems(scopes);
    scope.setItemLabelGenerator(ScopeOption::label);
    scope.setId("scope-picker");
    scope.setWidth("16rem");
    scope.setMaxWidth("100%");
    from.setItems(weeks);
    to.setItems(weeks);
    from.setId("from-week");
    to.setId("to-week");
    from.setWidth("9rem");
    to.setWidth("9rem");
    from.setAllowCustomValue(false);
    to.setAllowCustomValue(false);
    from.setItemLabelGenerator(IsoWeek::toString);
    to.setItemLabelGenerator(IsoWeek::toString);
    add(scope, from, to);
    scope.addValueChangeListener(e -> fire(onChange));
    from.addValueChangeListener(e -> fire(onChange));
    to.addValueChangeListener(e -> fire(onChange));
  }

  public void show(Selection selection) {
    updating = true;
    try {
      scope
          .getListDataView()
          .getItems()
          .filter(o -> o.scope().equals(selection.scope()))
          .findFirst()
          .ifPresent(scope::setValue);
      from.setValue(selection.range().from());
      to.setValue(selection.range().to());
    } finally {
      updating = false;
    }
  }

  private void fire(Consumer<Selection> onChange) {
    if (updating || from.getValue() == null || to.getValue() == null || scope.getValue() == null) {
      return;
    }
    IsoWeek start = from.getValue();
    IsoWeek end = to.getValue();
    if (start.compareTo(end) > 0) {
      from.setInvalid(true);
      from.setErrorMessage("must not be after 'To week'");
      return;
    }
    from.setInvalid(false);
    onChange.accept(new Selection(scope.getValue().scope(), new WeekRange(start, end)));
  }

  private static Optional<String> first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() || values.get(0).isBlank()
        ? Optional.empty()
        : Optional.of(values.get(0));
  }
}
