package uk.dtw.api.disclosure;

import java.util.List;

/**
 * One line of {@code disclosure/columns.csv}: how a column of a report's table is classified, the
 * counts a derived column is built on, and optionally the rows it applies to ({@code when}: {@code
 * column=a|b}), so a column whose meaning depends on the row can be classified row by row. {@code
 * family} names the partnership count a COUNT column shows ({@code pdus_in_treatment}, or {@code
 * pdus_in_effective_treatment@baseline} when its year is in column or metadata {@code baseline}),
 * so that its secondary suppression is the same in every output (see {@link Families}). A basis
 * {@code @family} is that family's count of the row's partnership and period, shown elsewhere.
 */
public record ColumnRule(
    String report,
    String table,
    String column,
    Kind kind,
    List<String> basis,
    String when,
    String family) {

  public ColumnRule {
    basis = List.copyOf(basis);
  }

  /** Whether this rule covers a row, given a way to read the row's other columns. */
  boolean appliesTo(java.util.function.Function<String, Object> row) {
    if (when == null) {
      return true;
    }
    String[] parts = when.split("=", 2);
    Object value = row.apply(parts[0]);
    return value != null && List.of(parts[1].split("\\|")).contains(value.toString());
  }
}
