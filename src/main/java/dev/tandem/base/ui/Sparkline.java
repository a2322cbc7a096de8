package dev.tandem.base.ui;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A tiny inline SVG trend line for grid cells (values 0..1; null = gap) on a fixed 0–100% scale: a
 * faint 0% baseline, the goal as a dashed line labelled with its value, the last value as a dot,
 * and the lowest, highest and last value in its accessible name and tooltip. Colours are Lumo's, so
 * it reads in the light and the dark theme.
 */
public final class Sparkline {

  private static final int WIDTH = 132;
  private static final int PLOT = 100;
  private static final int HEIGHT = 32;

  private Sparkline() {}

  /**
   * The SVG markup (for a grid cell's template, where a server-side component per row would cost a
   * component tree per row in every page load).
   */
  public static String svg(List<Double> values, Double goal) {
    StringBuilder path = new StringBuilder();
    boolean pen = false;
    double lastX = -1;
    double lastY = -1;
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v == null) {
        pen = false;
        continue;
      }
      double x =
          values.size() == 1 ? PLOT / 2.0 : i * (PLOT - 6) / (double) (values.size() - 1) + 3;
      double y = y(v);
      path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
      pen = true;
      lastX = x;
      lastY = y;
    }
    StringBuilder svg = new StringBuilder();
    String label = describe(values, goal);
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d'"
                + " role='img' aria-label='%s'><title>%s</title>",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            label,
            label));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1='0' x2='%d' y1='%.1f' y2='%.1f' style='stroke:var(--lumo-contrast-30pct)'"
                + " stroke-width='1'/>",
            PLOT,
            y(0),
            y(0)));
    if (goal != null) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<line x1='0' x2='%d' y1='%.1f' y2='%.1f' style='stroke:var(--lumo-error-text-color)'"
                  + " stroke-dasharray='3 2' stroke-width='1'/>"
                  + "<text x='%d' y='%.1f' font-size='10' style='fill:var(--lumo-secondary-text-color)'>"
                  + "%s</text>",
              PLOT,
              y(goal),
              y(goal),
              PLOT + 3,
              y(goal) + 3.5,
              percent(goal)));
    }
    svg.append(
        String.format(
            "<path d='%s' fill='none' style='stroke:var(--lumo-primary-text-color)'"
                + " stroke-width='1.5'/>",
            path.toString().trim()));
    if (lastX >= 0) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle cx='%.1f' cy='%.1f' r='2.5' style='fill:var(--lumo-primary-text-color)'/>",
              lastX,
              lastY));
    }
    return svg.append("</svg>").toString();
  }

  /** "12 weeks, 0–100% scale: lowest 45.0%, highest 62.3%, last 61.0%; dashed line: goal 80%". */
  static String describe(List<Double> values, Double goal) {
    List<Double> known = values.stream().filter(Objects::nonNull).toList();
    String range =
        known.isEmpty()
            ? "no figures"
            : "lowest "
                + percent(known.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                + ", highest "
                + percent(known.stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                + ", last "
                + percent(known.get(known.size() - 1));
    return values.size()
        + " weeks, 0–100% scale: "
        + range
        + (goal == null ? "" : "; dashed line: goal " + percent(goal));
  }

  private static double y(double share) {
    return HEIGHT - 3 - share * (HEIGHT - 6);
  }

  private static String percent(double share) {
    String text = String.format(Locale.ROOT, "%.1f", share * 100);
    return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
  }
}
