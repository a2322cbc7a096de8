package dev.tandem.access;

import java.util.function.BooleanSupplier;

/**
 * DESIGN §3.4 for one scope, read once per answer: an aggregate over fewer than k developers is
 * hidden from anyone who may not see that scope's individuals. Whether the viewer may see them is
 * looked up only when a group is small, and then once.
 */
public final class SmallGroupRule {

  private final int k;
  private final BooleanSupplier maySeeIndividuals;
  private Boolean maySee;

  SmallGroupRule(int k, BooleanSupplier maySeeIndividuals) {
    this.k = k;
    this.maySeeIndividuals = maySeeIndividuals;
  }

  /** The minimum group size k. */
  public int k() {
    return k;
  }

  /** Whether an aggregate over this many developers is hidden from the viewer. */
  public boolean hidden(int developers) {
    if (developers <= 0 || developers >= k) {
      return false;
    }
    if (maySee == null) {
      maySee = maySeeIndividuals.getAsBoolean();
    }
    return !maySee;
  }
}
