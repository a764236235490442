package uk.dtw.api.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Secondary suppression of episode breakdowns, decided once per snapshot over every partnership,
 * region and England. A breakdown shows a partnership's people per category beside its region's and
 * England's. Within one year and dimension those cells form a table: a partnership's categories, a
 * region's and England's each add up to a total published elsewhere (rows), a region's partnerships
 * add up to the region's cell of a category, and England's regions to England's (columns). Each row
 * and column is a group of {@link LinkedCells}, the same rule as every other count's. Deciding it
 * per output would not do: each output shows one partnership's row, so the columns across
 * partnerships are only seen by someone who reads them all.
 */
final class BreakdownCells {
  /** The families of {@code disclosure/columns.csv} this class decides. */
  static final String PARTNERSHIP = "breakdown";

  static final String REGION = "breakdown_region";
  static final String ENGLAND = "breakdown_england";
  static final Set<String> FAMILIES = Set.of(PARTNERSHIP, REGION, ENGLAND);

  /** One partnership's people in one category of a dimension in one financial year. */
  record Count(
      String partnership,
      String region,
      String year,
      String dimension,
      String category,
      long people) {}

  private final Map<String, String> regionOf;
  private final Set<String> hidden;

  private BreakdownCells(Map<String, String> regionOf, Set<String> hidden) {
    this.regionOf = regionOf;
    this.hidden = hidden;
  }

  static BreakdownCells of(List<Count> counts, DisclosureConfig config) {
    Map<String, String> regionOf = new HashMap<>();
    Map<String, Long> people = new HashMap<>();
    // Rows add up to a total published elsewhere; columns to the cell of the level above. Columns
    // are visited first, each kind in name order, as the hand-worked tests expect.
    Map<String, List<String>> rows = new TreeMap<>();
    Map<String, List<String>> columns = new TreeMap<>();
    for (Count c : counts) {
      regionOf.put(c.partnership(), c.region());
      String table = c.year() + "|" + c.dimension() + "|";
      String p = key(c, "p", c.partnership());
      String r = key(c, "r", c.region());
      String e = key(c, "e", "England");
      for (String k : List.of(p, r, e)) {
        people.merge(k, c.people(), Long::sum);
      }
      add(rows, table + "p " + c.partnership(), p);
      add(rows, table + "r " + c.region(), r);
      add(rows, table + "e", e);
      add(columns, table + "r " + c.region() + " " + c.category(), p, r);
      add(columns, table + "e " + c.category(), r, e);
    }
    LinkedCells cells = new LinkedCells();
    people.forEach(cells::cell);
    for (Map<String, List<String>> groups : List.of(columns, rows)) {
      groups.forEach((name, keys) -> keys.forEach(k -> cells.member(name, k)));
    }
    // A cell alone in its row equals its partnership's (region's) people in treatment.
    rows.values().stream().filter(row -> row.size() == 1).forEach(row -> cells.exempt(row.get(0)));
    return new BreakdownCells(regionOf, cells.withheld(config));
  }

  /**
   * Whether a cell of a breakdown output is a secondary suppression; {@code cell} reads the
   * output's {@code partnership}, {@code period}, {@code dimension} and {@code category}.
   */
  boolean hides(String family, Function<String, Object> cell) {
    String partnership = String.valueOf(cell.apply("partnership"));
    Count shown =
        new Count(
            partnership,
            regionOf.get(partnership),
            String.valueOf(cell.apply("period")),
            String.valueOf(cell.apply("dimension")),
            String.valueOf(cell.apply("category")),
            0);
    return switch (family) {
      case PARTNERSHIP -> hidden.contains(key(shown, "p", shown.partnership()));
      case REGION -> hidden.contains(key(shown, "r", shown.region()));
      case ENGLAND -> hidden.contains(key(shown, "e", "England"));
      default -> throw new IllegalArgumentException("not a breakdown family: " + family);
    };
  }

  /**
   * A cell's key: its table first, then who and which category, so that ties between equal counts
   * fall by name, then category.
   */
  private static String key(Count c, String level, String entity) {
    return c.year() + "|" + c.dimension() + "|" + entity + "|" + c.category() + "|" + level;
  }

  /** Adds cells to a group once each (a region's cell is met once per partnership). */
  private static void add(Map<String, List<String>> groups, String group, String... keys) {
    List<String> members = groups.computeIfAbsent(group, k -> new ArrayList<>());
    for (String k : keys) {
      if (!members.contains(k)) {
        members.add(k);
      }
    }
  }
}
