package dev.tandem.base.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

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

  /** The option JSON currently shown (for tests). */
  public String optionJson() {
    return getElement().getProperty("option", "{}");
  }
}
