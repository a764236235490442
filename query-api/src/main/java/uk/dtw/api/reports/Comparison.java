package uk.dtw.api.reports;

/**
 * Fingertips' rule for comparing two values by their 95% intervals: intervals that do not overlap
 * make one higher or lower; intervals that overlap make them similar; a missing interval cannot be
 * judged.
 */
public final class Comparison {
  public static final String CANNOT = "cannot be judged";

  private Comparison() {}

  /**
   * How the value with interval [lower, upper] compares with the one with [otherLower, otherUpper].
   */
  public static String judge(Number lower, Number upper, Number otherLower, Number otherUpper) {
    if (lower == null || upper == null || otherLower == null || otherUpper == null) {
      return CANNOT;
    }
    if (lower.doubleValue() > otherUpper.doubleValue()) {
      return "higher";
    }
    if (upper.doubleValue() < otherLower.doubleValue()) {
      return "lower";
    }
    return "similar";
  }
}
