package dev.tandem.stats;

import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalDouble;

/** The median: the middle value, or the mean of the two middle values for an even count. */
public final class Median {

  private Median() {}

  /** Empty when there are no values. */
  public static OptionalDouble of(double... values) {
    if (values.length == 0) {
      return OptionalDouble.empty();
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return OptionalDouble.of(
        sorted.length % 2 == 1 ? sorted[mid] : sorted[mid - 1] / 2 + sorted[mid] / 2);
  }

  public static OptionalDouble of(Collection<? extends Number> values) {
    return of(values.stream().mapToDouble(Number::doubleValue).toArray());
  }
}
