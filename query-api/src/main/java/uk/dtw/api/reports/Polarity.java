package uk.dtw.api.reports;

import java.util.Locale;

/**
 * Whether a high value of a measure is good, bad or neither: it decides the direction of a ranking.
 */
public enum Polarity {
  HIGH_IS_GOOD("high to low: rank 1 is the highest, which is best"),
  LOW_IS_GOOD("low to high: rank 1 is the lowest, which is best"),
  /** Spend, for instance: more is neither better nor worse, so rank 1 is simply the highest. */
  NOT_APPLICABLE("high to low: rank 1 is the highest; high is neither good nor bad");

  private final String order;

  Polarity(String order) {
    this.order = order;
  }

  /**
   * The written form used in catalogues and extracts: high_is_good, low_is_good, not_applicable.
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean descending() {
    return this != LOW_IS_GOOD;
  }

  /** How a ranking on this polarity runs, in words, with the tie rule. */
  public String order() {
    return order + "; ties share a rank (1, 2, 2, 4)";
  }

  public static Polarity parse(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }
}
