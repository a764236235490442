package uk.dtw.etl.conform;

import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.reference.Area;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * Conforms a row that names an area, a time and a group, then one column per measure (prevalence,
 * treatment, Bull's eye): each non-blank measure cell becomes one figure.
 */
final class MeasureColumnsConformer extends RowConformer {
  private final String groupColumn;
  private final boolean atDate;
  private final List<String> measures;

  MeasureColumnsConformer(String groupColumn, boolean atDate, List<String> measures) {
    this.groupColumn = groupColumn;
    this.atDate = atDate;
    this.measures = List.copyOf(measures);
  }

  @Override
  public List<String> requiredColumns() {
    return List.of("partnership", timeColumn(), groupColumn);
  }

  @Override
  public List<String> knownColumns() {
    List<String> all = new java.util.ArrayList<>(requiredColumns());
    all.addAll(measures);
    return all;
  }

  private String timeColumn() {
    return atDate ? "as_at" : "period";
  }

  @Override
  void conform(Cells cells, RowResult result) {
    Optional<Area> area = cells.area("partnership", Reference.areas());
    Optional<LocalDate> date = atDate ? cells.date("as_at") : Optional.empty();
    Optional<FinancialYear> year =
        atDate ? date.map(FinancialYear::containing) : cells.period("period");
    Optional<String> group = cells.code(groupColumn, Rule.KNOWN_GROUP);
    if (area.isPresent() && year.isPresent()) {
      cells.validIn("partnership", area.get(), year.get());
    }
    Map<String, OptionalDouble> values = new LinkedHashMap<>();
    measures.forEach(m -> values.put(m, cells.number(m)));
    checkInterval(values, result);
    for (String measure : measures) {
      OptionalDouble value = values.get(measure);
      if (value.isPresent() && area.isPresent() && year.isPresent() && group.isPresent()) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("area_code", area.get().code());
        if (atDate) {
          figure.put("as_at", Date.valueOf(date.get()));
        } else {
          figure.put("financial_year", year.get().toString());
        }
        figure.put(groupColumn, group.get());
        figure.put("measure_code", measure);
        figure.put("figure", value.getAsDouble());
        result.figure(figure);
      }
    }
  }

  /** A 95% interval that does not contain its estimate is a typo somewhere in the row. */
  private static void checkInterval(Map<String, OptionalDouble> values, RowResult result) {
    OptionalDouble estimate = values.getOrDefault("estimate", OptionalDouble.empty());
    OptionalDouble lower = values.getOrDefault("lower_95", OptionalDouble.empty());
    OptionalDouble upper = values.getOrDefault("upper_95", OptionalDouble.empty());
    if (estimate.isPresent() && lower.isPresent() && lower.getAsDouble() > estimate.getAsDouble()) {
      result.problem(
          "lower_95",
          Rule.INTERVAL_CONTAINS_ESTIMATE,
          "lower_95 " + lower.getAsDouble() + " is above the estimate " + estimate.getAsDouble());
    }
    if (estimate.isPresent() && upper.isPresent() && upper.getAsDouble() < estimate.getAsDouble()) {
      result.problem(
          "upper_95",
          Rule.INTERVAL_CONTAINS_ESTIMATE,
          "upper_95 " + upper.getAsDouble() + " is below the estimate " + estimate.getAsDouble());
    }
    if (lower.isPresent() && upper.isPresent() && lower.getAsDouble() > upper.getAsDouble()) {
      result.problem("lower_95", Rule.INTERVAL_CONTAINS_ESTIMATE, "lower_95 is above upper_95");
    }
  }
}
