package uk.dtw.api.reports;

/**
 * The 95% interval of an indicator figure made from a count and denominator, by the indicator's
 * method: the same formulas as the view indicator_value (docs/measures.md), for figures the API
 * aggregates itself (a region or England summed over its partnerships), which no view holds.
 */
public final class IndicatorInterval {
  static final double Z = 1.959963984540054;

  private IndicatorInterval() {}

  /**
   * {lower, upper} for count {@code o} over {@code denominator}, times {@code multiplier}; null for
   * an unknown method.
   */
  public static double[] of(String method, double o, double denominator, double multiplier) {
    if (denominator <= 0 || o < 0) {
      return null;
    }
    if ("byar".equals(method)) {
      double k = multiplier / denominator;
      double lower = o == 0 ? 0 : o * Math.pow(1 - 1 / (9 * o) - Z / (3 * Math.sqrt(o)), 3) * k;
      double u = o + 1;
      return new double[] {lower, u * Math.pow(1 - 1 / (9 * u) + Z / (3 * Math.sqrt(u)), 3) * k};
    }
    if ("wilson".equals(method)) {
      double p = o / denominator;
      double spread = Z * Math.sqrt(Z * Z + 4 * o * (1 - p));
      double scale = multiplier / (2 * (denominator + Z * Z));
      return new double[] {(2 * o + Z * Z - spread) * scale, (2 * o + Z * Z + spread) * scale};
    }
    return null;
  }
}
