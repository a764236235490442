package uk.dtw.api.reports;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.model.schema.Layer;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.calcite.ViewDefinitions;

/**
 * What ad-hoc SQL can read: every view (described by the comment its SQL opens with) and table
 * (described column by column in the model) that the snapshot's connection holds, each with the
 * columns and types its Calcite schema gives them. Given a snapshot {@link Snapshot#as as} a role,
 * it lists exactly what that role's SQL can name. The SQL console lists it.
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
    Set<String> present = names(snapshot);
    List<Map<String, Object>> views = new ArrayList<>();
    ViewDefinitions.load(Catalog.class.getClassLoader())
        .forEach(
            (name, sql) -> {
              if (present.contains(name)) {
                views.add(entry(snapshot, name, "view", description(sql), null));
              }
            });
    body.put("views", views);
    // The star schema first, as analysts read it; then, for those who may, the audit layers.
    List<Map<String, Object>> tables = new ArrayList<>();
    for (Layer layer : List.of(Layer.GOLD, Layer.META, Layer.QUARANTINE, Layer.BRONZE)) {
      for (TableDef t : StarSchema.TABLES) {
        if (t.layer() == layer && present.contains(t.name())) {
          tables.add(entry(snapshot, t.name(), "table", t.description(), t));
        }
      }
    }
    body.put("tables", tables);
    return body;
  }

  /** The tables and views the snapshot's connection holds, by name. */
  private static Set<String> names(Snapshot snapshot) {
    Set<String> names = new HashSet<>();
    try (ResultSet rs = snapshot.connection().getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the tables of the snapshot", e);
    }
    return names;
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
