package uk.dtw.api.disclosure;

/**
 * The disclosure rule's settings, so the threshold and the printed symbol are configuration rather
 * than constants: a count from record-level data greater than 0 and below {@code threshold} is
 * suppressed in public output and printed as {@code symbol} in CSV and Excel. The defaults are
 * NDTMS's published practice (1 to 4 suppressed, shown as {@code *}); system properties {@code
 * dtw.disclosure.threshold} and {@code dtw.disclosure.symbol} override them.
 */
public record DisclosureConfig(int threshold, String symbol) {
  public static final int DEFAULT_THRESHOLD = 5;
  public static final String DEFAULT_SYMBOL = "*";
  public static final DisclosureConfig DEFAULTS =
      new DisclosureConfig(DEFAULT_THRESHOLD, DEFAULT_SYMBOL);

  public DisclosureConfig {
    if (threshold < 1) {
      throw new IllegalArgumentException(
          "dtw.disclosure.threshold must be 1 or more (1 suppresses nothing), not " + threshold);
    }
    if (symbol == null || symbol.isEmpty()) {
      throw new IllegalArgumentException("dtw.disclosure.symbol must not be empty");
    }
  }

  /** The defaults, overridden by the system properties where set. */
  public static DisclosureConfig fromSystemProperties() {
    String threshold = System.getProperty("dtw.disclosure.threshold");
    String symbol = System.getProperty("dtw.disclosure.symbol");
    return new DisclosureConfig(
        threshold == null ? DEFAULT_THRESHOLD : Integer.parseInt(threshold.strip()),
        symbol == null ? DEFAULT_SYMBOL : symbol);
  }

  /** Whether a count is small enough to single a person out: above 0 and below the threshold. */
  public boolean suppresses(Object value) {
    if (!(value instanceof Number n)) {
      return false;
    }
    double v = n.doubleValue();
    return v > 0 && v < threshold;
  }
}
