package dev.tandem.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeastSquaresTest {

  @Test
  void fits_points_on_a_line_exactly() {
    LeastSquares.Line line = LeastSquares.fit(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
    assertThat(line.slope()).isCloseTo(2, within(1e-12));
    assertThat(line.intercept()).isCloseTo(1, within(1e-12));
    assertThat(line.xWhere(11)).isCloseTo(5, within(1e-12));
  }

  @Test
  void fits_scattered_points_as_worked_by_hand() {
    // x̄ = 2, ȳ = 2.4; Sxx = 4+1+0+1+4 = 10; Sxy = 2.8+0.4+0−0.4+3.2 = 6 → slope 0.6, b = 2.4−1.2.
    LeastSquares.Line line =
        LeastSquares.fit(new double[] {0, 1, 2, 3, 4}, new double[] {1, 2, 3, 2, 4});
    assertThat(line.slope()).isCloseTo(0.6, within(1e-12));
    assertThat(line.intercept()).isCloseTo(1.2, within(1e-12));
    assertThat(line.valueAt(5)).isCloseTo(4.2, within(1e-12));
  }

  @Test
  void large_x_values_such_as_epoch_days_do_not_lose_precision() {
    double[] x = {20_000, 20_007, 20_014};
    LeastSquares.Line line = LeastSquares.fit(x, new double[] {0.50, 0.57, 0.64});
    assertThat(line.slope()).isCloseTo(0.01, within(1e-12));
  }

  @Test
  void a_flat_line_never_reaches_another_value() {
    assertThat(LeastSquares.fit(new double[] {1, 2}, new double[] {5, 5}).xWhere(6)).isNaN();
  }

  @Test
  void needs_two_points_with_different_x() {
    assertThatThrownBy(() -> LeastSquares.fit(new double[] {1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeastSquares.fit(new double[] {2, 2}, new double[] {1, 3}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
