package dev.tandem.base.ui.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds ECharts options for the chart kinds Tandem uses: line (with a horizontal goal line), bar,
 * scatter/bubble and a horizontal interval plot. Each factory returns a spec that can be refined
 * before it is shown.
 */
public final class ChartSpec {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final ObjectNode root = JSON.createObjectNode();

  private ChartSpec() {
    root.putObject("tooltip").put("trigger", "axis");
    root.putObject("legend").put("type", "scroll").put("top", 0);
    root.putObject("grid")
        .put("left", 56)
        .put("right", 24)
        .put("top", 40)
        .put("bottom", 40)
        .put("containLabel", true);
  }

  /** A series of values over categories (weeks, teams). {@code null} values leave a gap. */
  public record Series(String name, List<? extends Number> values) {}

  /** A point of a scatter/bubble chart; {@code size} sets the bubble area. */
  public record Point(String label, double x, double y, double size) {}

  /**
   * One row of an interval plot: an estimate with its lower and upper bound. {@code high} may be
   * infinite.
   */
  public record Interval(String label, double low, double estimate, double high) {}

  public static ChartSpec line(List<String> categories, List<Series> series) {
    ChartSpec spec = new ChartSpec();
    spec.categoryX(categories);
    spec.valueY();
    ArrayNode out = spec.root.putArray("series");
    for (Series s : series) {
      ObjectNode node =
          out.addObject().put("type", "line").put("name", s.name()).put("smooth", false);
      node.put("symbolSize", 5);
      values(node.putArray("data"), s.values());
    }
    return spec;
  }

  public static ChartSpec bar(List<String> categories, List<Series> series, boolean stacked) {
    ChartSpec spec = new ChartSpec();
    spec.categoryX(categories);
    // Bars sit between ticks; without the gap the first and last bars are cut in half.
    spec.root.with("xAxis").put("boundaryGap", true);
    spec.valueY();
    ArrayNode out = spec.root.putArray("series");
    for (Series s : series) {
      ObjectNode node = out.addObject().put("type", "bar").put("name", s.name());
      if (stacked) {
        node.put("stack", "total");
      }
      values(node.putArray("data"), s.values());
    }
    return spec;
  }

  /** A bubble chart: one series per point so each gets its own legend entry and colour. */
  public static ChartSpec bubble(String xName, String yName, List<Point> points) {
    ChartSpec spec = new ChartSpec();
    spec.root.with("tooltip").put("trigger", "item");
    spec.root
        .putObject("xAxis")
        .put("type", "value")
        .put("name", xName)
        .put("nameLocation", "middle")
        .put("nameGap", 28);
    spec.root.putObject("yAxis").put("type", "value").put("name", yName);
    // Room beyond the largest values, so a bubble at the edge is drawn whole.
    for (String axis : List.of("xAxis", "yAxis")) {
      spec.root.with(axis).putArray("boundaryGap").add("0%").add("15%");
    }
    double maxSize = points.stream().mapToDouble(Point::size).max().orElse(1);
    ArrayNode out = spec.root.putArray("series");
    for (Point p : points) {
      ObjectNode node = out.addObject().put("type", "scatter").put("name", p.label());
      node.put("symbolSize", maxSize <= 0 ? 10 : 10 + 40 * Math.sqrt(p.size() / maxSize));
      node.putArray("data").addArray().add(p.x()).add(p.y()).add(p.size());
    }
    return spec;
  }

  /**
   * One series of an interval plot, drawn in {@code color} (null: the chart's default blue) and
   * named in the legend.
   */
  public record IntervalSeries(String name, String color, List<Interval> rows) {}

  /**
   * A horizontal interval plot (e.g. rate ratios with 95% CIs). On a log axis, infinite upper
   * bounds are drawn to the axis edge and zero lower bounds are clamped to the smallest shown
   * value.
   */
  public static ChartSpec intervals(
      String xName, List<Interval> rows, boolean logAxis, Double referenceLine) {
    return intervals(
        xName,
        rows.stream().map(Interval::label).toList(),
        List.of(new IntervalSeries(xName, null, rows)),
        logAxis,
        referenceLine);
  }

  /**
   * An interval plot of several series (e.g. a crude and an adjusted estimate per tool), each row
   * on the category line named by its label; {@code categories} gives the lines' order from the top
   * and must hold every label. Axis bounds and clamping as in {@link #intervals(String, List,
   * boolean, Double)}.
   */
  public static ChartSpec intervals(
      String xName,
      List<String> categories,
      List<IntervalSeries> series,
      boolean logAxis,
      Double referenceLine) {
    ChartSpec spec = new ChartSpec();
    spec.root.with("tooltip").put("trigger", "item");
    List<Interval> rows = series.stream().flatMap(s -> s.rows().stream()).toList();
    double min = rows.stream().mapToDouble(Interval::low).filter(v -> v > 0).min().orElse(0.1);
    double max =
        rows.stream().mapToDouble(Interval::high).filter(Double::isFinite).max().orElse(10);
    max =
        Math.max(
            max,
            rows.stream().mapToDouble(Interval::estimate).filter(Double::isFinite).max().orElse(1));
    double floor = logAxis ? Math.pow(10, Math.floor(Math.log10(Math.min(min, 0.5)))) : 0;
    double ceiling = logAxis ? Math.pow(10, Math.ceil(Math.log10(Math.max(max, 2)))) : max * 1.1;
    ObjectNode x =
        spec.root.putObject("xAxis").put("type", logAxis ? "log" : "value").put("name", xName);
    x.put("nameLocation", "middle").put("nameGap", 28).put("min", floor).put("max", ceiling);
    ArrayNode labels =
        spec.root.putObject("yAxis").put("type", "category").put("inverse", true).putArray("data");
    categories.forEach(labels::add);
    ArrayNode out = spec.root.putArray("series");
    for (IntervalSeries s : series) {
      ObjectNode node = out.addObject().put("type", "interval").put("name", s.name());
      if (s.color() != null) {
        node.put("color", s.color());
      }
      ArrayNode data = node.putArray("data");
      for (Interval r : s.rows()) {
        double low = logAxis ? Math.max(r.low(), floor) : r.low();
        double high = Double.isFinite(r.high()) ? r.high() : ceiling;
        // An infinite estimate sits at the edge; a zero one cannot be drawn on a log axis
        // otherwise.
        double estimate = Double.isFinite(r.estimate()) ? r.estimate() : ceiling;
        estimate = logAxis ? Math.max(estimate, floor) : estimate;
        data.addArray().add(low).add(estimate).add(high).add(r.label());
      }
    }
    if (referenceLine != null && !out.isEmpty()) {
      ObjectNode markLine =
          ((ObjectNode) out.get(0)).putObject("markLine").put("silent", true).put("symbol", "none");
      markLine.putObject("lineStyle").put("type", "dashed").put("color", "#888");
      markLine.putArray("data").addObject().put("xAxis", referenceLine);
    }
    return spec;
  }

  /** Adds a dashed horizontal goal line (e.g. 0.80) to the first series. */
  public ChartSpec goalLine(double value, String label) {
    ArrayNode series = root.withArray("series");
    if (series.isEmpty()) {
      return this;
    }
    ObjectNode markLine = ((ObjectNode) series.get(0)).putObject("markLine");
    markLine.put("silent", true).put("symbol", "none");
    markLine.putObject("lineStyle").put("type", "dashed").put("width", 2).put("color", "#e3342f");
    // At the start of the line: at its end the label sat on the latest (most watched) point.
    markLine.putObject("label").put("formatter", label).put("position", "insideStartTop");
    markLine.putArray("data").addObject().put("yAxis", value).put("name", label);
    return this;
  }

  /** ECharts' default palette, so a series and its bounds can share a colour. */
  private static final List<String> PALETTE =
      List.of("#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de", "#3ba272", "#fc8452");

  /**
   * Draws the 95% interval of line series {@code index} as two thin dashed lines in its colour
   * ({@code null} where a bound is undefined); the tooltip names them "… 95% CI low/high", and the
   * legend keeps only the lines themselves.
   */
  public ChartSpec bounds(int index, List<? extends Number> low, List<? extends Number> high) {
    ArrayNode series = root.withArray("series");
    ObjectNode line = (ObjectNode) series.get(index);
    String color = PALETTE.get(index % PALETTE.size());
    line.put("color", color);
    String name = line.get("name").asText();
    ArrayNode legend = root.with("legend").withArray("data");
    if (legend.isEmpty()) {
      for (var s : series) {
        legend.add(s.get("name").asText());
      }
    }
    for (var bound : List.of(List.of("95% CI low", low), List.of("95% CI high", high))) {
      ObjectNode node =
          series
              .addObject()
              .put("type", "line")
              .put("name", name + ", " + bound.get(0))
              .put("symbol", "none")
              .put("silent", true)
              .put("color", color);
      node.putObject("lineStyle").put("type", "dashed").put("width", 1).put("opacity", 0.7);
      @SuppressWarnings("unchecked")
      List<? extends Number> values = (List<? extends Number>) bound.get(1);
      values(node.putArray("data"), values);
    }
    return this;
  }

  /**
   * Puts each category in the middle of its band instead of on the axis ends, so the first and last
   * labels (e.g. long window names) are not cut at the chart's edges.
   */
  public ChartSpec centredCategories() {
    root.with("xAxis").put("boundaryGap", true);
    return this;
  }

  /** Shows the y axis as 0–100 percent (series values are given in percent). */
  public ChartSpec percentY() {
    ObjectNode y = root.with("yAxis");
    y.put("min", 0).put("max", 100);
    y.putObject("axisLabel").put("formatter", "{value}%");
    return this;
  }

  /** Shows every category label (none skipped when they crowd), turned by {@code degrees}. */
  public ChartSpec allCategoryLabels(int degrees) {
    root.with("xAxis").putObject("axisLabel").put("interval", 0).put("rotate", degrees);
    return this;
  }

  /**
   * Gives the series, in order, ids (e.g. tool keys) that a click on them reports ({@link
   * EChart.ClickEvent#seriesId()}).
   */
  public ChartSpec seriesIds(List<String> ids) {
    ArrayNode series = (ArrayNode) root.get("series");
    for (int i = 0; i < ids.size() && i < series.size(); i++) {
      ((ObjectNode) series.get(i)).put("id", ids.get(i));
    }
    return this;
  }

  public String toJson() {
    return root.toString();
  }

  private void categoryX(List<String> categories) {
    ObjectNode x = root.putObject("xAxis").put("type", "category").put("boundaryGap", false);
    ArrayNode data = x.putArray("data");
    categories.forEach(data::add);
  }

  private void valueY() {
    root.putObject("yAxis").put("type", "value");
  }

  private static void values(ArrayNode data, List<? extends Number> values) {
    for (Number v : values) {
      if (v == null) {
        data.addNull();
      } else {
        data.add(v.doubleValue());
      }
    }
  }
}
