package uk.dtw.etl.conform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How an indicator is read and ranked, as an indicator extract defines it: one dim_indicator row.
 *
 * @param multiplier what count / denominator is multiplied by to give the value
 * @param method how a value and interval are computed from a count: byar (rates) or wilson
 *     (proportions)
 */
record IndicatorDefinition(
    String name, String unit, String polarity, double multiplier, String method) {
  static final List<String> POLARITIES = List.of("high_is_good", "low_is_good", "not_applicable");
  static final List<String> METHODS = List.of("byar", "wilson");

  /**
   * The ways people write polarity, normalised like headers: "Lower is better" reads as
   * lower_is_better.
   */
  private static final Map<String, String> POLARITY_WORDS =
      Map.of(
          "higher_is_better",
          "high_is_good",
          "high",
          "high_is_good",
          "high_is_better",
          "high_is_good",
          "lower_is_better",
          "low_is_good",
          "low",
          "low_is_good",
          "low_is_better",
          "low_is_good",
          "not_applicable",
          "not_applicable",
          "n_a",
          "not_applicable",
          "none",
          "not_applicable");

  static Optional<String> polarity(String text) {
    String key =
        text.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    return POLARITIES.contains(key)
        ? Optional.of(key)
        : Optional.ofNullable(POLARITY_WORDS.get(key));
  }

  /** A unit "per 100,000 population" means ×100000; "percent" or "%" ×100; anything else ×1. */
  static double defaultMultiplier(String unit) {
    String u = unit.toLowerCase(Locale.ROOT).replace(",", "").replace(" ", "");
    if (u.contains("per100000") || u.contains("per100k")) {
      return 100000;
    } else if (u.contains("per1000")) {
      return 1000;
    } else if (isPercent(unit)) {
      return 100;
    }
    return 1;
  }

  /** Proportions (percentages) get Wilson's score interval; rates and counts Byar's. */
  static String defaultMethod(String unit) {
    return isPercent(unit) ? "wilson" : "byar";
  }

  private static boolean isPercent(String unit) {
    String u = unit.trim().toLowerCase(Locale.ROOT);
    return u.equals("%") || u.contains("percent") || u.equals("per cent");
  }

  /** The fields as carried on an outcome row, named as dim_indicator names them. */
  Map<String, Object> columns() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("unit", unit);
    m.put("polarity", polarity);
    m.put("multiplier", multiplier);
    m.put("method", method);
    return m;
  }

  /** The first field in which two definitions differ, as the extract's column name. */
  Optional<String> firstDifference(IndicatorDefinition other) {
    if (!name.equals(other.name)) {
      return Optional.of("indicator_name");
    } else if (!unit.equals(other.unit)) {
      return Optional.of("unit");
    } else if (!polarity.equals(other.polarity)) {
      return Optional.of("polarity");
    } else if (multiplier != other.multiplier) {
      return Optional.of("multiplier");
    } else if (!method.equals(other.method)) {
      return Optional.of("method");
    }
    return Optional.empty();
  }
}
