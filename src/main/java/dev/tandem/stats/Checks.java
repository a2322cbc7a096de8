package dev.tandem.stats;

/** Argument checks shared by the estimators; a violation is a programming error, not user input. */
final class Checks {

  private Checks() {}

  static void counts(long x, long n) {
    if (n < 0 || x < 0 || x > n) {
      throw new IllegalArgumentException("expected 0 <= x <= n, got x=" + x + ", n=" + n);
    }
  }

  static void confidence(double confidence) {
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
    }
  }

  static void exposure(String name, double exposure) {
    if (!(exposure >= 0) || Double.isInfinite(exposure)) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + exposure);
    }
  }
}
