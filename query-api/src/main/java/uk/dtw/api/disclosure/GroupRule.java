package uk.dtw.api.disclosure;

import java.util.List;

/**
 * One line of {@code disclosure/groups.csv}: cells that add up to a total published somewhere (in
 * the same output or another endpoint), so one suppressed cell among them could be recovered by
 * subtraction. The group is the {@code members} columns of the rows that share the {@code by}
 * columns' values (a region's partnerships; a dimension's categories; one row's rings); {@code
 * entity} names the column that breaks ties when choosing the cell to suppress as well.
 */
public record GroupRule(
    String report, String table, List<String> members, List<String> by, String entity) {

  public GroupRule {
    members = List.copyOf(members);
    by = List.copyOf(by);
  }
}
