package uk.dtw.etl.conform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.schema.TableDef;

/**
 * Finds one file giving the same key twice with different figures. Neither row can be trusted over
 * the other, so both are held back; the same figure twice is harmless and loads once.
 */
final class DuplicateKeys {
  private DuplicateKeys() {}

  /** Adds a duplicate_key problem to every row whose key another row of the file contradicts. */
  static void check(TableDef fact, List<Integer> rowNumbers, List<RowResult> results) {
    Map<List<Object>, List<int[]>> seen = new HashMap<>();
    Map<Integer, String> conflicts = new HashMap<>();
    for (int i = 0; i < results.size(); i++) {
      for (Map<String, Object> figure : results.get(i).figures()) {
        List<Object> key = new ArrayList<>();
        fact.naturalKey().forEach(k -> key.add(figure.get(k)));
        List<Object> values = valuesOf(fact, figure);
        for (int[] earlier : seen.computeIfAbsent(key, k -> new ArrayList<>())) {
          Map<String, Object> other = figureWithKey(fact, results.get(earlier[0]), key);
          if (other != null && !valuesOf(fact, other).equals(values)) {
            String what = String.join(", ", key.stream().map(String::valueOf).toList());
            conflicts.putIfAbsent(
                i, "row " + rowNumbers.get(earlier[0]) + " gives " + what + " a different figure");
            conflicts.putIfAbsent(
                earlier[0], "row " + rowNumbers.get(i) + " gives " + what + " a different figure");
          }
        }
        seen.get(key).add(new int[] {i});
      }
    }
    conflicts.forEach((i, message) -> results.get(i).problem(null, Rule.DUPLICATE_KEY, message));
  }

  private static List<Object> valuesOf(TableDef fact, Map<String, Object> figure) {
    List<Object> values = new ArrayList<>();
    for (String c : fact.columnNames()) {
      if (!fact.naturalKey().contains(c) && figure.containsKey(c)) {
        values.add(figure.get(c));
      }
    }
    return values;
  }

  private static Map<String, Object> figureWithKey(
      TableDef fact, RowResult result, List<Object> key) {
    for (Map<String, Object> f : result.figures()) {
      List<Object> k = new ArrayList<>();
      fact.naturalKey().forEach(c -> k.add(f.get(c)));
      if (k.equals(key)) {
        return f;
      }
    }
    return null;
  }
}
