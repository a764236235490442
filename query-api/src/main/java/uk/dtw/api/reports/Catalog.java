package uk.dtw.api.reports;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.model.schema.Layer;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.calcite.ViewDefinitions;

/**
 * What ad-hoc SQL is meant to read: every view (described by the comment its SQL opens with) and
 * the star schema's dimension and fact tables (described column by column in the model), each with
 * the columns and types this snapshot's Calcite schema gives them. The SQL console lists it.
 */
public final class Catalog {
  private Catalog() {}

  public static Map<String, Object> of(Snapshot snapshot) {
    return snapshot.memo("catalog", () -> build(snapshot));
  }

  private static Map<String, Object> build(Snapshot snapshot) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("report", "catalog");
    body.put("warehouse_version", snapshot.version());
    List<Map<String, Object>> views = new ArrayList<>();
    ViewDefinitions.load(Catalog.class.getClassLoader())
        .forEach((name, sql) -> views.add(entry(snapshot, name, "view", description(sql), null)));
    body.put("views", views);
    List<Map<String, Object>> tables = new ArrayList<>();
    for (TableDef t : StarSchema.TABLES) {
      if (t.layer() == Layer.GOLD) {
        tables.add(entry(snapshot, t.name(), "table", t.description(), t));
      }
    }
    body.put("tables", tables);
    return body;
  }

  private static Map<String, Object> entry(
      Snapshot snapshot, String name, String kind, String description, TableDef def) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("name", name);
    e.put("kind", kind);
    e.put("description", description);
    List<Map<String, Object>> columns = new ArrayList<>();
    try {
      DatabaseMetaData meta = snapshot.connection().getMetaData();
      try (ResultSet rs = meta.getColumns(null, null, name, null)) {
        while (rs.next()) {
          String column = rs.getString("COLUMN_NAME");
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("name", column);
          c.put("type", rs.getString("TYPE_NAME"));
          c.put(
              "description",
              def == null ? null : def.column(column).map(d -> d.description()).orElse(null));
          columns.add(c);
        }
      }
    } catch (SQLException ex) {
      throw new IllegalStateException("cannot list the columns of " + name, ex);
    }
    e.put("columns", columns);
    return e;
  }

  /** The comment lines a view's SQL begins with, as one sentence or paragraph. */
  static String description(String sql) {
    return sql.lines()
        .takeWhile(line -> line.strip().startsWith("--"))
        .map(line -> line.strip().substring(2).strip())
        .collect(Collectors.joining(" "));
  }
}
