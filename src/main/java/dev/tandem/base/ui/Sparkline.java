package dev.tandem.base.ui;

import com.vaadin.flow.component.Svg;
import java.util.List;
import java.util.Locale;

/**
 * A tiny inline SVG trend line for grid cells (values 0..1; null = gap), with an optional goal
 * line.
 */
public final class Sparkline {

  private Sparkline() {}

  public static Svg of(List<Double> values, Double goal) {
    int width = 120;
    int height = 28;
    StringBuilder path = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v == null) {
        pen = false;
        continue;
      }
      double x =
          values.size() == 1 ? width / 2.0 : i * (width - 4) / (double) (values.size() - 1) + 2;
      double y = height - 2 - v * (height - 4);
      path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
      pen = true;
    }
    String goalLine =
        goal == null
            ? ""
            : String.format(
                Locale.ROOT,
                "<line x1='0' x2='%d' y1='%.1f' y2='%.1f' stroke='#e3342f' stroke-dasharray='3 2' stroke-width='1'/>",
                width,
                height - 2 - goal * (height - 4),
                height - 2 - goal * (height - 4));
    return new Svg(
        String.format(
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' role='img' aria-label='trend'>%s"
                + "<path d='%s' fill='none' stroke='#1676f3' stroke-width='1.5'/></svg>",
            width, height, width, height, goalLine, path.toString().trim()));
  }
}
