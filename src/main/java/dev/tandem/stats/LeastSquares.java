package dev.tandem.stats;

/** Ordinary least-squares line y = intercept + slope · x. */
public record LeastSquares(double slope, double intercept) {

  /** Fits a line through the points; needs at least two distinct x values. */
  public static LeastSquares fit(double[] x, double[] y) {
    if (x.length != y.length || x.length < 2) {
      throw new IllegalArgumentException("need at least two points with one y per x");
    }
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < x.length; i++) {
      meanX += x[i];
      meanY += y[i];
    }
    meanX /= x.length;
    meanY /= y.length;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - meanX) * (y[i] - meanY);
      sxx += (x[i] - meanX) * (x[i] - meanX);
    }
    if (sxx == 0) {
      throw new IllegalArgumentException("all x values are equal");
    }
    double slope = sxy / sxx;
    return new LeastSquares(slope, meanY - slope * meanX);
  }

  public double at(double x) {
    return intercept + slope * x;
  }
}
