package uk.dtw.etl.conform;

import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.dtw.etl.extract.CsvExtract;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.reference.Area;

/**
 * Conforms an indicator row: one figure (value and/or count and denominator) for an indicator, area
 * and period, and, where the row gives them, the indicator's definition. Whether every row of an
 * indicator agrees on that definition is a file-level check ({@link IndicatorDefinitions}).
 */
final class IndicatorConformer extends RowConformer {
  static final List<String> FIGURES =
      List.of("count", "denominator", "value", "lower_95", "upper_95");

  @Override
  public List<String> requiredColumns() {
    return List.of("indicator", "area", "period", "indicator_name", "unit", "polarity");
  }

  @Override
  public List<String> knownColumns() {
    List<String> all = new java.util.ArrayList<>(requiredColumns());
    all.addAll(FIGURES);
    all.addAll(List.of("multiplier", "method"));
    return all;
  }

  @Override
  void conform(Cells cells, RowResult result) {
    String code = CsvExtract.normaliseHeader(cells.text("indicator"));
    if (code.isEmpty()) {
      result.problem(
          "indicator",
          Rule.INDICATOR_CODE,
          "no indicator named; expected a code such as drug_deaths_per_100k");
    }
    Optional<Area> area = cells.area("area", Reference.areas());
    Optional<IndicatorPeriod> period = IndicatorPeriod.parse(cells.text("period"));
    if (period.isEmpty()) {
      result.problem(
          "period",
          Rule.PERIOD_FORMAT,
          "'"
              + cells.text("period")
              + "' is not a financial year or a calendar year; expected e.g. 2008-09 or 2008");
    } else if (area.isPresent() && !period.get().validFor(area.get())) {
      result.problem(
          "area",
          Rule.AREA_VALID_IN_PERIOD,
          area.get().name()
              + " did not exist as a partnership in "
              + period.get().code()
              + " (valid "
              + area.get().validFrom()
              + " to "
              + area.get().validTo()
              + ")");
    }
    Map<String, Object> carried = new LinkedHashMap<>();
    carried.put("indicator_code", code);
    definition(cells, result).ifPresent(d -> carried.putAll(d.columns()));
    result.carry(carried);

    Map<String, OptionalDouble> n = new LinkedHashMap<>();
    n.put("count", cells.number("count"));
    n.put("denominator", cells.number("denominator"));
    for (String signed : List.of("value", "lower_95", "upper_95")) {
      n.put(signed, cells.signedNumber(signed));
    }
    if (FIGURES.stream().allMatch(cells::blank)) {
      result.skip("no figures reported in this row");
      return;
    }
    if (cells.blank("value") && (cells.blank("count") || cells.blank("denominator"))) {
      result.problem(
          cells.blank("count") ? "count" : "denominator",
          Rule.VALUE_OR_COUNT_AND_DENOMINATOR,
          "the row has no value and no count with its denominator; give value, or count and denominator");
    }
    checkInterval(n, result);
    if (area.isPresent() && period.isPresent() && !code.isEmpty()) {
      Map<String, Object> figure = new LinkedHashMap<>(carried);
      figure.put("area_code", area.get().code());
      figure.put("period_code", period.get().code());
      figure.put("period_start", Date.valueOf(period.get().period().startDate()));
      figure.put("numerator", boxed(n.get("count")));
      figure.put("denominator", boxed(n.get("denominator")));
      figure.put("figure", boxed(n.get("value")));
      figure.put("lower_95", boxed(n.get("lower_95")));
      figure.put("upper_95", boxed(n.get("upper_95")));
      result.figure(figure);
    }
  }

  /**
   * The definition this row gives, if it gives one: name, unit and polarity, the rest defaulted
   * from the unit.
   */
  private static Optional<IndicatorDefinition> definition(Cells cells, RowResult result) {
    List<String> given = List.of("indicator_name", "unit", "polarity", "multiplier", "method");
    if (given.stream().allMatch(cells::blank)) {
      return Optional.empty();
    }
    for (String needed : List.of("indicator_name", "unit", "polarity")) {
      if (cells.blank(needed)) {
        result.problem(
            needed,
            Rule.INDICATOR_DEFINITION,
            "the row defines the indicator in part; give indicator_name, "
                + "unit and polarity together (blank all of them on rows that only add figures)");
        return Optional.empty();
      }
    }
    Optional<String> polarity = IndicatorDefinition.polarity(cells.text("polarity"));
    if (polarity.isEmpty()) {
      result.problem(
          "polarity",
          Rule.KNOWN_POLARITY,
          "'"
              + cells.text("polarity")
              + "' is not a polarity; expected "
              + "high_is_good, low_is_good or not_applicable (or 'higher is better', 'lower is better')");
    }
    String unit = cells.text("unit");
    OptionalDouble multiplier = cells.number("multiplier");
    if (multiplier.isPresent() && multiplier.getAsDouble() == 0) {
      result.problem("multiplier", Rule.NUMBER, "the multiplier cannot be 0");
    }
    Optional<String> method =
        cells.blank("method")
            ? Optional.of(IndicatorDefinition.defaultMethod(unit))
            : cells.oneOf("method", Rule.KNOWN_METHOD, IndicatorDefinition.METHODS);
    if (polarity.isEmpty()
        || method.isEmpty()
        || (multiplier.isEmpty() && !cells.blank("multiplier"))) {
      return Optional.empty();
    }
    return Optional.of(
        new IndicatorDefinition(
            cells.text("indicator_name"),
            unit,
            polarity.get(),
            multiplier.orElse(IndicatorDefinition.defaultMultiplier(unit)),
            method.get()));
  }

  private static void checkInterval(Map<String, OptionalDouble> n, RowResult result) {
    OptionalDouble value = n.get("value");
    OptionalDouble lower = n.get("lower_95");
    OptionalDouble upper = n.get("upper_95");
    if (value.isPresent() && lower.isPresent() && lower.getAsDouble() > value.getAsDouble()) {
      result.problem(
          "lower_95",
          Rule.INTERVAL_CONTAINS_VALUE,
          "lower_95 " + lower.getAsDouble() + " is above the value " + value.getAsDouble());
    }
    if (value.isPresent() && upper.isPresent() && upper.getAsDouble() < value.getAsDouble()) {
      result.problem(
          "upper_95",
          Rule.INTERVAL_CONTAINS_VALUE,
          "upper_95 " + upper.getAsDouble() + " is below the value " + value.getAsDouble());
    }
  }

  private static Double boxed(OptionalDouble d) {
    return d.isPresent() ? d.getAsDouble() : null;
  }

  @Override
  public void checkFile(List<Integer> rowNumbers, List<RowResult> results) {
    IndicatorDefinitions.check(rowNumbers, results);
  }
}
