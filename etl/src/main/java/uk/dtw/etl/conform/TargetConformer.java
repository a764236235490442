package uk.dtw.etl.conform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.reference.Area;
import uk.dtw.model.vocabulary.FinancialYear;

/** Conforms a baseline or target line; the measure must be one dim_measure lists as a target. */
final class TargetConformer extends RowConformer {
  private static final List<String> KINDS = List.of("baseline", "target");

  @Override
  public List<String> requiredColumns() {
    return List.of("partnership", "measure", "period", "kind", "value");
  }

  @Override
  void conform(Cells cells, RowResult result) {
    Optional<Area> area = cells.area("partnership", Reference.areas());
    Optional<String> measure = cells.code("measure", Rule.KNOWN_MEASURE);
    Optional<FinancialYear> year = cells.period("period");
    Optional<String> kind = cells.oneOf("kind", Rule.KNOWN_KIND, KINDS);
    OptionalDouble value = cells.number("value");
    if (value.isEmpty() && cells.blank("value")) {
      result.skip("no value reported");
      return;
    }
    if (area.isPresent()
        && measure.isPresent()
        && year.isPresent()
        && kind.isPresent()
        && value.isPresent()) {
      Map<String, Object> figure = new LinkedHashMap<>();
      figure.put("area_code", area.get().code());
      figure.put("measure_code", measure.get());
      figure.put("financial_year", year.get().toString());
      figure.put("kind", kind.get());
      figure.put("figure", value.getAsDouble());
      result.figure(figure);
    }
  }
}
