package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A measure partnerships are ranked on, read from the view that defines it: which column is the
 * value, which columns go out beside it (output name to view column), which inputs it needs, and
 * optionally a filter (an indicator's code) and a baseline column (a change from a chosen year).
 *
 * @param zeroReason why the value is missing when every input is present (a zero denominator)
 * @param periodColumn the view's period column: financial_year, or period_code for indicators
 */
public record Measure(
    String name,
    String definition,
    String view,
    String valueColumn,
    String unit,
    Polarity polarity,
    Map<String, String> outputs,
    List<String> inputs,
    String zeroReason,
    String periodColumn,
    String baselineColumn,
    String filterColumn,
    String filterValue) {

  public Measure {
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    inputs = List.copyOf(inputs);
  }

  public boolean takesBaseline() {
    return baselineColumn != null;
  }

  /**
   * The one query this measure's rankings run for a period (and baseline), prepared once per
   * snapshot. The views say {@code financial_year} (PERIOD is reserved in Calcite SQL).
   */
  public String sql() {
    StringBuilder sql =
        new StringBuilder("SELECT area_code, partnership, region, ").append(valueColumn);
    for (String column : outputs.values()) {
      sql.append(", ").append(column);
    }
    sql.append(" FROM ").append(view).append(" WHERE ").append(periodColumn).append(" = ?");
    if (filterColumn != null) {
      sql.append(" AND ").append(filterColumn).append(" = ?");
    }
    if (baselineColumn != null) {
      sql.append(" AND ").append(baselineColumn).append(" = ?");
    }
    return sql.toString();
  }

  /**
   * The parameters of {@link #sql()} in order; {@code baseline} is ignored unless the measure takes
   * one.
   */
  public Object[] params(String period, String baseline) {
    List<Object> params = new ArrayList<>(List.of(period));
    if (filterColumn != null) {
      params.add(filterValue);
    }
    if (baselineColumn != null) {
      params.add(baseline);
    }
    return params.toArray();
  }

  /** The periods in which at least one partnership has a value. */
  public String periodsSql() {
    return "SELECT DISTINCT "
        + periodColumn
        + " AS \"period\" FROM "
        + view
        + " WHERE "
        + valueColumn
        + " IS NOT NULL"
        + (filterColumn == null ? "" : " AND " + filterColumn + " = ?")
        + " ORDER BY 1";
  }

  public Object[] periodsParams() {
    return filterColumn == null ? new Object[0] : new Object[] {filterValue};
  }
}
