package uk.dtw.api.reports;

import java.util.List;
import uk.dtw.api.sql.Table;

/**
 * One row of a query result read by column name; identity, not value, equality (rows may repeat).
 */
public final class Row {
  private final Table table;
  private final List<Object> values;

  Row(Table table, List<Object> values) {
    this.table = table;
    this.values = values;
  }

  public Object get(String column) {
    return values.get(table.index(column));
  }

  public String text(String column) {
    Object value = get(column);
    return value == null ? null : value.toString();
  }

  public Number number(String column) {
    Object value = get(column);
    return value instanceof Number n ? n : null;
  }
}
