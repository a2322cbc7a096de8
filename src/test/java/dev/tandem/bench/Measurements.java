package dev.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's figures: one row per measurement, one column per organisation size, each figure
 * with the one-minute load average read when it was taken. Prints one Markdown table with the ratio
 * of the largest to the smallest size and the target.
 */
final class Measurements {

  record Figure(double value, String unit, double load) {
    String text() {
      String number =
          unit.isEmpty()
                  || unit.equals("ms")
                  || unit.equals("rows/s")
                  || unit.equals("MB")
                  || unit.equals("KB")
              ? String.format(Locale.ROOT, "%,.0f", value)
              : String.format(Locale.ROOT, "%,.2f", value);
      return number
          + (unit.isEmpty() ? "" : " " + unit)
          + " (load "
          + String.format(Locale.ROOT, "%.1f", load)
          + ")";
    }
  }

  private final Map<String, String> targets = new LinkedHashMap<>();
  private final Map<String, Map<Integer, Figure>> rows = new LinkedHashMap<>();
  private final List<Integer> sizes = new ArrayList<>();

  void add(String what, int size, double value, String unit, String target) {
    if (!sizes.contains(size)) {
      sizes.add(size);
    }
    targets.putIfAbsent(what, target);
    rows.computeIfAbsent(what, k -> new LinkedHashMap<>())
        .put(size, new Figure(value, unit, load()));
    System.out.printf(
        Locale.ROOT, "  %-58s %,7d devs: %s%n", what, size, new Figure(value, unit, load()).text());
  }

  static double load() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  String table() {
    StringBuilder out = new StringBuilder("| measurement |");
    for (int size : sizes) {
      out.append(String.format(Locale.ROOT, " %,d developers |", size));
    }
    boolean ratio = sizes.size() > 1;
    if (ratio) {
      out.append(" ratio |");
    }
    out.append(" target |\n|---|");
    out.append("---|".repeat(sizes.size() + (ratio ? 1 : 0))).append("---|\n");
    rows.forEach(
        (what, figures) -> {
          out.append("| ").append(what).append(" |");
          for (int size : sizes) {
            Figure f = figures.get(size);
            out.append(' ').append(f == null ? "—" : f.text()).append(" |");
          }
          if (ratio) {
            Figure small = figures.get(sizes.get(0));
            Figure large = figures.get(sizes.get(sizes.size() - 1));
            out.append(' ')
                .append(
                    small == null || large == null || small.value() == 0
                        ? "—"
                        : String.format(Locale.ROOT, "%.2f×", large.value() / small.value()))
                .append(" |");
          }
          out.append(' ').append(targets.get(what)).append(" |\n");
        });
    return out.toString();
  }
}
