package uk.dtw.api.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Secondary suppression of episode breakdowns, decided once per snapshot over every partnership,
 * region and England. A breakdown shows a partnership's people per category beside its region's and
 * England's. Within one year and dimension those cells form a table: a partnership's categories, a
 * region's and England's each add up to a total published elsewhere, a region's partnerships add up
 * to the region's cell of a category, and England's regions to England's. In any of those groups
 * one withheld cell would come back by subtraction, so the smallest other non-zero cell of the
 * group (ties: by name, then category) is withheld too, until no group has exactly one. Deciding it
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

  private static final class Cell {
    final String key;
    final String entity;
    final String category;
    long people;
    boolean hidden;
    int inRow;

    Cell(String key, String entity, String category) {
      this.key = key;
      this.entity = entity;
      this.category = category;
    }
  }

  private final Map<String, String> regionOf = new HashMap<>();
  private final Set<String> hidden = new HashSet<>();

  private BreakdownCells() {}

  static BreakdownCells of(List<Count> counts, DisclosureConfig config) {
    BreakdownCells cells = new BreakdownCells();
    Map<String, List<Count>> tables = new TreeMap<>();
    for (Count c : counts) {
      cells.regionOf.put(c.partnership(), c.region());
      tables.computeIfAbsent(c.year() + "|" + c.dimension(), k -> new ArrayList<>()).add(c);
    }
    for (List<Count> table : tables.values()) {
      cells.decide(table, config);
    }
    return cells;
  }

  /**
   * Whether a cell of a breakdown output is a secondary suppression; {@code cell} reads the
   * output's {@code partnership}, {@code period}, {@code dimension} and {@code category}.
   */
  boolean hides(String family, Function<String, Object> cell) {
    String partnership = String.valueOf(cell.apply("partnership"));
    String where =
        cell.apply("period") + "|" + cell.apply("dimension") + "|" + cell.apply("category");
    return switch (family) {
      case PARTNERSHIP -> hidden.contains("p|" + partnership + "|" + where);
      case REGION -> hidden.contains("r|" + regionOf.get(partnership) + "|" + where);
      case ENGLAND -> hidden.contains("e|England|" + where);
      default -> throw new IllegalArgumentException("not a breakdown family: " + family);
    };
  }

  /** One year and dimension: build the cells and their groups, then withhold to a fixed point. */
  private void decide(List<Count> table, DisclosureConfig config) {
    Map<String, Cell> byKey = new TreeMap<>();
    // Rows add up to a total published elsewhere; columns to the cell of the level above.
    Map<String, List<Cell>> rows = new TreeMap<>();
    Map<String, List<Cell>> columns = new TreeMap<>();
    for (Count c : table) {
      String where = c.year() + "|" + c.dimension() + "|" + c.category();
      Cell p = cell(byKey, "p|" + c.partnership() + "|" + where, c.partnership(), c.category());
      Cell r = cell(byKey, "r|" + c.region() + "|" + where, c.region(), c.category());
      Cell e = cell(byKey, "e|England|" + where, "England", c.category());
      p.people += c.people();
      r.people += c.people();
      e.people += c.people();
      member(rows, "p " + c.partnership(), p);
      member(rows, "r " + c.region(), r);
      member(rows, "e", e);
      member(columns, "r " + c.region() + " " + c.category(), p, r);
      member(columns, "e " + c.category(), r, e);
    }
    for (Cell c : byKey.values()) {
      c.hidden = config.suppresses(c.people);
    }
    rows.values().forEach(row -> row.forEach(c -> c.inRow = row.size()));
    List<List<Cell>> groups = new ArrayList<>(columns.values());
    groups.addAll(rows.values());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (List<Cell> group : groups) {
        changed |= completeGroup(group);
      }
    }
    byKey.values().stream().filter(c -> c.hidden).forEach(c -> hidden.add(c.key));
  }

  /**
   * If exactly one cell of the group is withheld, withhold the smallest other non-zero one. A cell
   * alone in its row is never chosen: it equals its partnership's (region's) people in treatment,
   * published elsewhere, so withholding it would protect nothing.
   */
  private static boolean completeGroup(List<Cell> group) {
    if (group.stream().filter(c -> c.hidden).count() != 1) {
      return false;
    }
    Cell next =
        group.stream()
            .filter(c -> !c.hidden && c.people > 0 && c.inRow > 1)
            .min(
                Comparator.<Cell>comparingLong(c -> c.people)
                    .thenComparing(c -> c.entity)
                    .thenComparing(c -> c.category))
            .orElse(null);
    if (next == null) {
      return false;
    }
    next.hidden = true;
    return true;
  }

  private static Cell cell(Map<String, Cell> cells, String key, String entity, String category) {
    return cells.computeIfAbsent(key, k -> new Cell(k, entity, category));
  }

  /** Adds cells to a group once each (a region's cell is met once per partnership). */
  private static void member(Map<String, List<Cell>> groups, String group, Cell... cells) {
    List<Cell> members = groups.computeIfAbsent(group, k -> new ArrayList<>());
    for (Cell c : cells) {
      if (members.stream().noneMatch(m -> m == c)) {
        members.add(c);
      }
    }
  }
}
