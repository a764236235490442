package uk.dtw.api.sql;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads JDBC results into {@link Table}s of plain values that JSON and CSV can both write. */
public final class ResultSets {
  private ResultSets() {}

  /** Reads up to {@code limit} rows; the caller asks for one more to learn whether it truncated. */
  public static Table read(ResultSet rs, int limit) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<Column> columns = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      columns.add(new Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
    }
    List<List<Object>> rows = new ArrayList<>();
    while (rows.size() < limit && rs.next()) {
      Object[] row = new Object[n];
      for (int i = 1; i <= n; i++) {
        row[i - 1] = plain(rs.getObject(i));
      }
      rows.add(Arrays.asList(row));
    }
    return new Table(columns, rows);
  }

  /**
   * Dates become ISO strings, non-finite doubles null (JSON has no NaN), anything exotic its text.
   * A whole-number double is a count (people, pounds) stored as DOUBLE: it goes out as 887, not
   * 887.0.
   */
  static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        return null;
      }
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) d.longValue() : d;
    }
    if (value instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? null : f.doubleValue();
    }
    if (value instanceof java.sql.Timestamp t) {
      // Calcite hands back the stored UTC wall clock; toInstant() would shift it by the JVM's zone.
      return t.toLocalDateTime().toString() + "Z";
    }
    if (value instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (value instanceof java.sql.Time t) {
      return t.toLocalTime().toString();
    }
    if (value instanceof java.sql.Array a) {
      return arrayText(a);
    }
    return value.toString();
  }

  private static Object arrayText(java.sql.Array a) {
    try {
      return Arrays.deepToString((Object[]) a.getArray());
    } catch (SQLException | ClassCastException e) {
      return a.toString();
    }
  }
}
