package uk.dtw.warehouse.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.dtw.model.schema.Column;
import uk.dtw.model.schema.TableDef;

/**
 * Builds a row of a table from column name/value pairs, so tests name only the columns they care
 * about.
 */
public final class TestRows {
  private TestRows() {}

  /** The rows as a list (spelled out because {@code List.of(oneArray)} would spread the array). */
  public static List<Object[]> rows(Object[]... rows) {
    return List.of(rows);
  }

  /**
   * A row in {@code def}'s column order; columns not given are null when optional and a dull
   * default ("x", 0, false, 1970-01-01) when required, so the write does not trip on nulls.
   */
  public static Object[] row(TableDef def, Object... namesAndValues) {
    Object[] row = new Object[def.columns().size()];
    for (int i = 0; i < row.length; i++) {
      Column c = def.columns().get(i);
      row[i] =
          c.nullable()
              ? null
              : switch (c.type()) {
                case STRING -> "x";
                case INT -> 0;
                case LONG -> 0L;
                case DOUBLE -> 0.0;
                case BOOLEAN -> false;
                case DATE -> LocalDate.EPOCH;
                case TIMESTAMP -> Instant.EPOCH;
              };
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      int index = def.columnNames().indexOf(name);
      if (index < 0) {
        throw new IllegalArgumentException(def.name() + " has no column " + name);
      }
      row[index] = namesAndValues[i + 1];
    }
    return row;
  }
}
