package uk.dtw.api.sql;

import java.util.ArrayList;
import java.util.List;

/** Rows with named columns: what a query returns and what every report renders. */
public record Table(List<Column> columns, List<List<Object>> rows) {

  public Table {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
  }

  /** Position of the named column (exact name). */
  public int index(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + name + " in " + names());
  }

  public List<String> names() {
    List<String> names = new ArrayList<>();
    for (Column column : columns) {
      names.add(column.name());
    }
    return names;
  }

  /** The values of one column, top to bottom. */
  public List<Object> column(String name) {
    int i = index(name);
    List<Object> values = new ArrayList<>();
    for (List<Object> row : rows) {
      values.add(row.get(i));
    }
    return values;
  }
}
