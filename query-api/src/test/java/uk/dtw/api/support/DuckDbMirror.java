package uk.dtw.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.dtw.model.schema.Column;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.Warehouse;
import uk.dtw.warehouse.calcite.ViewDefinitions;

/**
 * The same pinned warehouse in DuckDB, the second engine: every table over the parquet files Delta
 * Kernel lists as active (never the folder: it still holds files MERGE removed), and every view
 * from the very same SQL files Calcite uses.
 */
public final class DuckDbMirror {
  private DuckDbMirror() {}

  public static Connection open(Warehouse wh) throws SQLException {
    Connection duck = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement s = duck.createStatement()) {
      for (TableDef t : StarSchema.TABLES) {
        s.execute("CREATE VIEW " + t.name() + " AS " + source(t, wh.activeFiles(t.name())));
      }
      for (Map.Entry<String, String> view :
          ViewDefinitions.load(DuckDbMirror.class.getClassLoader()).entrySet()) {
        s.execute("CREATE VIEW " + view.getKey() + " AS " + view.getValue());
      }
    }
    return duck;
  }

  /** A table's active files, or an empty relation of its columns when it has none. */
  private static String source(TableDef table, List<String> files) {
    if (!files.isEmpty()) {
      return "SELECT "
          + String.join(", ", table.columnNames())
          + " FROM read_parquet(["
          + files.stream()
              .map(f -> "'" + f.replace("'", "''") + "'")
              .collect(Collectors.joining(", "))
          + "])";
    }
    return "SELECT "
        + table.columns().stream()
            .map(c -> "CAST(NULL AS " + type(c) + ") AS " + c.name())
            .collect(Collectors.joining(", "))
        + " WHERE false";
  }

  private static String type(Column c) {
    return switch (c.type()) {
      case STRING -> "VARCHAR";
      case INT -> "INTEGER";
      case LONG -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }
}
