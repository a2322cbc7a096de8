package dev.tandem.base.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/** A server-side handle for the {@code tandem-chart} web component (ECharts). */
@Tag("tandem-chart")
@NpmPackage(value = "echarts", version = "5.6.0")
@JsModule("./components/tandem-chart.ts")
public class EChart extends Component implements HasSize {

  public EChart(String ariaLabel) {
    getElement().setAttribute("aria-label", ariaLabel);
    setWidthFull();
    setHeight("320px");
  }

  public EChart show(ChartSpec spec) {
    getElement().setProperty("option", spec.toJson());
    return this;
  }

  /** A click on a mark of the chart: its series (id and index) and its category or row label. */
  @DomEvent("chart-click")
  public static class ClickEvent extends ComponentEvent<EChart> {
    private final String seriesId;
    private final int seriesIndex;
    private final String name;

    public ClickEvent(
        EChart source,
        boolean fromClient,
        @EventData("event.detail.seriesId") String seriesId,
        @EventData("event.detail.seriesIndex") int seriesIndex,
        @EventData("event.detail.name") String name) {
      super(source, fromClient);
      this.seriesId = seriesId;
      this.seriesIndex = seriesIndex;
      this.name = name;
    }

    /** The series' {@code id} as the spec set it (e.g. a tool key), else ECharts' own id. */
    public String seriesId() {
      return seriesId;
    }

    public int seriesIndex() {
      return seriesIndex;
    }

    /** The category (bar, line point) or the interval row's label. */
    public String name() {
      return name;
    }
  }

  public Registration addClickListener(ComponentEventListener<ClickEvent> listener) {
    return addListener(ClickEvent.class, listener);
  }

  /** The option JSON currently shown (for tests). */
  public String optionJson() {
    return getElement().getProperty("option", "{}");
  }
}
