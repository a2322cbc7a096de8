package dev.tandem.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Complementary suppression for sibling groups shown beside their parent's total (DESIGN §3.4):
 * when exactly one sibling is hidden, the smallest other sibling is hidden too, so the hidden one
 * cannot be worked out by subtraction.
 */
public final class SmallGroups {

  private SmallGroups() {}

  /** A row and whether it must be shown as "fewer than k developers". */
  public record Shown<T>(T row, boolean suppressed) {}

  /**
   * @param rows sibling rows
   * @param size developers behind each row
   * @param hiddenOnItsOwn whether a row is hidden because of its own size (see {@link
   *     AccessPolicy#hidden})
   */
  public static <T> List<Shown<T>> siblings(
      List<T> rows, ToIntFunction<T> size, java.util.function.Predicate<T> hiddenOnItsOwn) {
    List<Shown<T>> shown = new ArrayList<>();
    for (T row : rows) {
      shown.add(new Shown<>(row, hiddenOnItsOwn.test(row)));
    }
    long hidden = shown.stream().filter(Shown::suppressed).count();
    if (hidden == 1) {
      shown.stream()
          .filter(s -> !s.suppressed())
          .min(Comparator.comparingInt(s -> size.applyAsInt(s.row())))
          .ifPresent(
              smallest -> shown.set(shown.indexOf(smallest), new Shown<>(smallest.row(), true)));
    }
    return shown;
  }
}
