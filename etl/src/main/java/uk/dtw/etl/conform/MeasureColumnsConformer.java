package uk.dtw.etl.conform;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import uk.dtw.warehouse.reference.Area;
import uk.dtw.warehouse.reference.FinancialYear;

/**
 * Conforms a row that names an area, a time and a group, then one column per measure
 * (prevalence, treatment, Bull's eye): each non-blank measure cell becomes one figure.
 */
final class MeasureColumnsConformer implements Conformer {
  private final String groupColumn;
  private final List<String> groups;
  private final boolean atDate;
  private final List<String> measures;

  MeasureColumnsConformer(String groupColumn, List<String> groups, boolean atDate, List<String> measures) {
    this.groupColumn = groupColumn;
    this.groups = List.copyOf(groups);
    this.atDate = atDate;
    this.measures = List.copyOf(measures);
  }

  @Override
  public List<String> requiredColumns() {
    List<String> required = new ArrayList<>(List.of("partnership", timeColumn(), groupColumn));
    return required;
  }

  private String timeColumn() {
    return atDate ? "as_at" : "period";
  }

  @Override
  public RowResult conform(Map<String, String> raw) {
    RowResult result = new RowResult();
    Cells cells = new Cells(raw, result);
    if (cells.allBlank()) {
      result.skip("blank line");
      return result;
    }
    Optional<Area> area = cells.area("partnership", Reference.areas());
    Optional<LocalDate> date = atDate ? cells.date("as_at") : Optional.empty();
    Optional<FinancialYear> year = atDate ? date.map(FinancialYear::containing) : cells.period("period");
    Optional<String> group = cells.oneOf(groupColumn, "known_group", groups);
    if (area.isPresent() && year.isPresent() && !area.get().validIn(year.get())) {
      result.problem("partnership", "area_valid_in_period", area.get().name() + " did not exist as a partnership in "
          + year.get() + " (valid " + area.get().validFrom() + " to " + area.get().validTo() + ")");
    }
    for (String measure : measures) {
      OptionalDouble value = cells.number(measure);
      if (value.isPresent() && area.isPresent() && year.isPresent() && group.isPresent()) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("area_code", area.get().code());
        if (atDate) {
          figure.put("as_at", Date.valueOf(date.get()));
        } else {
          figure.put("period", year.get().toString());
        }
        figure.put(groupColumn, group.get());
        figure.put("measure", measure);
        figure.put("figure", value.getAsDouble());
        result.figure(figure);
      }
    }
    return result;
  }
}
