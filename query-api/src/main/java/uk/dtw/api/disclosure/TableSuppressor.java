package uk.dtw.api.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import uk.dtw.api.sql.Table;

/**
 * Disclosure control of one report table, in three passes: primary (a count from record-level data
 * between 1 and the threshold), secondary (in any group of cells that add up to a published total,
 * one suppressed cell is never left alone: the smallest other non-zero cell goes too, until no
 * group has exactly one), then derived (a rate, share or change built on a suppressed count).
 */
final class TableSuppressor {
  private final DisclosureConfig config;
  private final String report;
  private final String tableName;
  private final Table table;
  private final Map<String, Object> metadata;
  private final java.util.function.Supplier<Families> families;
  private final ColumnRule[][] rules;
  private final boolean[][] hidden;

  /**
   * @param metadata the report's metadata, where a row's partnership or period may be given once
   * @param families the secondary suppressions of partnership counts decided over all outputs
   */
  TableSuppressor(
      DisclosureConfig config,
      String report,
      String tableName,
      Table table,
      Map<String, Object> metadata,
      java.util.function.Supplier<Families> families) {
    this.config = config;
    this.report = report;
    this.tableName = tableName;
    this.table = table;
    this.metadata = metadata;
    this.families = families;
    int width = table.columns().size();
    this.rules = new ColumnRule[table.rows().size()][width];
    this.hidden = new boolean[table.rows().size()][width];
  }

  Table apply() {
    classify();
    while (secondaryPass()) {
      // each pass may leave another group with one suppressed cell; stop when none changes
    }
    while (derivedPass()) {
      // a derived column may be built on another derived column
    }
    List<List<Object>> rows = new ArrayList<>();
    Suppressed mark = new Suppressed(config.symbol());
    for (int r = 0; r < table.rows().size(); r++) {
      List<Object> out = new ArrayList<>(table.rows().get(r));
      for (int c = 0; c < out.size(); c++) {
        if (hidden[r][c]) {
          out.set(c, mark);
        }
      }
      rows.add(out);
    }
    return new Table(table.columns(), rows);
  }

  private void classify() {
    for (int r = 0; r < table.rows().size(); r++) {
      List<Object> values = table.rows().get(r);
      Function<String, Object> row = name -> values.get(table.index(name));
      for (int c = 0; c < values.size(); c++) {
        String column = table.columns().get(c).name();
        ColumnRule rule = Rules.of(report, tableName, column, row);
        if (rule == null) {
          throw new IllegalStateException(
              "column "
                  + column
                  + " of table "
                  + tableName
                  + " of report "
                  + report
                  + " is not classified in "
                  + Rules.COLUMNS);
        }
        rules[r][c] = rule;
        hidden[r][c] =
            rule.kind() == Kind.COUNT
                && (config.suppresses(values.get(c)) || secondaryInFamily(rule, row));
      }
    }
  }

  /** Whether the count's family chose this partnership and year as a secondary suppression. */
  private boolean secondaryInFamily(ColumnRule rule, Function<String, Object> row) {
    if (rule.family() == null) {
      return false;
    }
    String[] parts = rule.family().split("@", 2);
    String period = parts.length == 2 ? parts[1] : "period";
    return families
        .get()
        .hides(parts[0], name -> given(name.equals("period") ? period : name, row));
  }

  /** A row's value of a column, or the report's metadata of that name when the table lacks it. */
  private Object given(String name, Function<String, Object> row) {
    return table.names().contains(name) ? row.apply(name) : metadata.get(name);
  }

  private boolean secondaryPass() {
    boolean changed = false;
    for (GroupRule group : Rules.groupsOf(report, tableName)) {
      for (List<int[]> cells : partition(group).values()) {
        long suppressed = cells.stream().filter(cell -> hidden[cell[0]][cell[1]]).count();
        if (suppressed != 1) {
          continue;
        }
        int[] next =
            cells.stream()
                .filter(cell -> !hidden[cell[0]][cell[1]] && positive(value(cell)))
                .min(
                    Comparator.<int[]>comparingDouble(cell -> ((Number) value(cell)).doubleValue())
                        .thenComparing(cell -> entity(group, cell[0]))
                        .thenComparingInt(cell -> cell[1]))
                .orElse(null);
        if (next != null) {
          hidden[next[0]][next[1]] = true;
          changed = true;
        }
      }
    }
    return changed;
  }

  /** The group's count cells, keyed by the values of its {@code by} columns. */
  private Map<List<Object>, List<int[]>> partition(GroupRule group) {
    Map<List<Object>, List<int[]>> parts = new LinkedHashMap<>();
    for (int r = 0; r < table.rows().size(); r++) {
      List<Object> key = new ArrayList<>();
      for (String by : group.by()) {
        key.add(table.rows().get(r).get(table.index(by)));
      }
      for (String member : group.members()) {
        int c = table.index(member);
        if (rules[r][c].kind() == Kind.COUNT) {
          parts.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {r, c});
        }
      }
    }
    return parts;
  }

  private boolean derivedPass() {
    boolean changed = false;
    for (int r = 0; r < rules.length; r++) {
      for (int c = 0; c < rules[r].length; c++) {
        if (hidden[r][c] || rules[r][c].kind() != Kind.DERIVED) {
          continue;
        }
        for (String basis : rules[r][c].basis()) {
          if (basis.startsWith("@")
              ? familyWithholds(basis.substring(1), r)
              : hidden[r][table.index(basis)]) {
            hidden[r][c] = true;
            changed = true;
            break;
          }
        }
      }
    }
    return changed;
  }

  /**
   * A basis {@code @family}: the row's partnership's count of that family in the row's period,
   * shown in another row or output, is withheld there; {@code @family/region} and {@code
   * @family/england}: the row's region's or England's count of it.
   */
  private boolean familyWithholds(String family, int r) {
    List<Object> values = table.rows().get(r);
    Function<String, Object> cell = name -> given(name, n -> values.get(table.index(n)));
    String[] area = family.split("/", 2);
    return area.length == 2
        ? families.get().withholdsArea(area[0], area[1], cell)
        : families.get().withholds(family, cell);
  }

  private Object value(int[] cell) {
    return table.rows().get(cell[0]).get(cell[1]);
  }

  private String entity(GroupRule group, int row) {
    return String.valueOf(table.rows().get(row).get(table.index(group.entity())));
  }

  private static boolean positive(Object value) {
    return value instanceof Number n && n.doubleValue() > 0;
  }
}
