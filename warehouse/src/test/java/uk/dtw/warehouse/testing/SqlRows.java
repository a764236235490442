package uk.dtw.warehouse.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A query's rows as text, for tests to compare: each row its values joined by spaces. */
public final class SqlRows {
  private SqlRows() {}

  public static List<String> of(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
          cells.add(String.valueOf(rs.getObject(i)));
        }
        rows.add(String.join(" ", cells));
      }
    }
    return rows;
  }
}
