package dev.tandem.stats;

/**
 * Ordinary least-squares line {@code y = intercept + slope·x} through points, e.g. weekly adoption
 * over week numbers for the forecast of DESIGN §3.1.
 */
public final class LeastSquares {

  /** A fitted line. */
  public record Line(double slope, double intercept) {

    public double valueAt(double x) {
      return intercept + slope * x;
    }

    /** Where the line reaches {@code y}; NaN for a flat line. */
    public double xWhere(double y) {
      return slope == 0 ? Double.NaN : (y - intercept) / slope;
    }
  }

  private LeastSquares() {}

  /**
   * Fits the line through {@code (x[i], y[i])}; needs at least two points with different x.
   *
   * @throws IllegalArgumentException for mismatched lengths, non-finite values or no spread in x
   */
  public static Line fit(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
    }
    int n = x.length;
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
        throw new IllegalArgumentException("point " + i + " is not finite");
      }
      meanX += x[i] / n;
      meanY += y[i] / n;
    }
    // Centred sums avoid the cancellation of the textbook n·Σxy − Σx·Σy form.
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (x[i] - meanX) * (x[i] - meanX);
      sxy += (x[i] - meanX) * (y[i] - meanY);
    }
    if (n < 2 || sxx == 0) {
      throw new IllegalArgumentException("a line needs at least two points with different x");
    }
    double slope = sxy / sxx;
    return new Line(slope, meanY - slope * meanX);
  }
}
