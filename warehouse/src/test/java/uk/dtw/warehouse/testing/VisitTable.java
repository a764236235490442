package uk.dtw.warehouse.testing;

import static uk.dtw.model.schema.Column.optional;
import static uk.dtw.model.schema.Column.required;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import uk.dtw.model.schema.ColumnType;
import uk.dtw.model.schema.Layer;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.calcite.WarehouseDialect;

/** A partitioned test table of every pushed-down type, with nulls in its optional columns. */
public final class VisitTable {
  private VisitTable() {}

  /** Partitioned by region and yr (a year), as fact_episode is by area and financial year. */
  public static final TableDef VISIT = def(List.of("region", "yr"));

  /** The same columns unpartitioned. */
  public static final TableDef FLAT = def(List.of());

  /** One row, in the tables' column order by {@link #row()}. */
  public record Visit(
      String region, int year, long id, String name, Double score, Integer visits, LocalDate day) {
    public Object[] row() {
      return new Object[] {region, year, id, name, score, visits, day};
    }
  }

  private static TableDef def(List<String> partitions) {
    return new TableDef(
        "visit",
        Layer.GOLD,
        "Visits.",
        List.of(
            required("region", ColumnType.STRING, "partition"),
            required("yr", ColumnType.INT, "partition"),
            required("id", ColumnType.LONG, "key"),
            optional("name", ColumnType.STRING, "with nulls"),
            optional("score", ColumnType.DOUBLE, "with nulls"),
            optional("visits", ColumnType.INT, "with nulls"),
            optional("visit_date", ColumnType.DATE, "with nulls")),
        List.of("region", "yr", "id"),
        partitions);
  }

  /** A Calcite connection in the warehouse dialect whose default schema holds {@code table}. */
  public static Connection connect(String name, Table table) throws SQLException {
    Connection c = new Driver().connect("jdbc:calcite:", WarehouseDialect.connectionProperties());
    CalciteConnection calcite = c.unwrap(CalciteConnection.class);
    calcite
        .getRootSchema()
        .add(
            "t",
            new AbstractSchema() {
              @Override
              protected Map<String, Table> getTableMap() {
                return Map.of(name, table);
              }
            });
    calcite.setSchema("t");
    return c;
  }
}
