package uk.dtw.etl.conform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.etl.rules.Rule;

/**
 * The file-level rule of indicator extracts: each indicator is defined (name, unit, polarity,
 * multiplier, method) at least once in the file and the same way every time. The definition decides
 * how every figure of the indicator is read, so figures under a missing or contradictory definition
 * are held back; rows that agree receive the definition to carry into dim_indicator.
 */
final class IndicatorDefinitions {
  private IndicatorDefinitions() {}

  static void check(List<Integer> rowNumbers, List<RowResult> results) {
    Map<String, List<Integer>> rowsByCode = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) {
      Object code = results.get(i).carried().get("indicator_code");
      if (code != null && !code.toString().isEmpty()) {
        rowsByCode.computeIfAbsent(code.toString(), c -> new ArrayList<>()).add(i);
      }
    }
    rowsByCode.forEach((code, rows) -> checkOne(code, rows, rowNumbers, results));
  }

  private static void checkOne(
      String code, List<Integer> rows, List<Integer> rowNumbers, List<RowResult> results) {
    IndicatorDefinition first = null;
    int firstRow = 0;
    for (int i : rows) {
      IndicatorDefinition d = definitionOf(results.get(i));
      if (d == null) {
        continue;
      }
      if (first == null) {
        first = d;
        firstRow = rowNumbers.get(i);
      } else if (first.firstDifference(d).isPresent()) {
        String column = first.firstDifference(d).get();
        String message =
            "indicator '"
                + code
                + "' is defined differently on rows "
                + firstRow
                + " and "
                + rowNumbers.get(i)
                + " ("
                + column
                + "); one file must define an indicator one way";
        rows.forEach(r -> results.get(r).problem(column, Rule.INDICATOR_DEFINITION, message));
        return;
      }
    }
    for (int i : rows) {
      RowResult r = results.get(i);
      if (first == null && !r.figures().isEmpty()) {
        r.problem(
            "indicator_name",
            Rule.INDICATOR_DEFINITION,
            "indicator '"
                + code
                + "' is not defined in this file; "
                + "give indicator_name, unit and polarity on its first row at least");
      } else if (first != null) {
        for (Map<String, Object> figure : r.figures()) {
          figure.putAll(first.columns());
        }
      }
    }
  }

  private static IndicatorDefinition definitionOf(RowResult r) {
    Map<String, Object> c = r.carried();
    if (!c.containsKey("name")) {
      return null;
    }
    return new IndicatorDefinition(
        (String) c.get("name"),
        (String) c.get("unit"),
        (String) c.get("polarity"),
        (Double) c.get("multiplier"),
        (String) c.get("method"));
  }
}
