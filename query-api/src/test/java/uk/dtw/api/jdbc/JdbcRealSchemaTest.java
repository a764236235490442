package uk.dtw.api.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.api.ApiServer;
import uk.dtw.api.snapshot.FixedSnapshotSource;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.Warehouse;
import uk.dtw.warehouse.calcite.ViewDefinitions;

/**
 * JDBC over the real warehouse schema (Delta tables, the view files, the real dialect), opened on
 * an empty folder so that no ETL has to run: every table is empty, but the schema is the one {@code
 * POST /sql} serves, and each query goes through the Delta scans' own code.
 */
class JdbcRealSchemaTest {
  @TempDir static Path folder;
  private static ApiServer server;

  @BeforeAll
  static void start() throws SQLException {
    Warehouse warehouse = Warehouse.open(folder.toString());
    Snapshot snapshot = Snapshot.perRole(warehouse.version(), warehouse::connection, warehouse);
    // Admin, who reads every table: what an analyst sees of this schema is RolesApiTest's.
    server =
        new ApiServer(
                new FixedSnapshotSource(snapshot),
                uk.dtw.api.access.Access.anonymous(uk.dtw.model.schema.Role.ADMIN))
            .start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static Connection connect() throws SQLException {
    return new Driver()
        .connect(
            "jdbc:avatica:remote:url=http://127.0.0.1:"
                + server.port()
                + "/api/v1/jdbc;serialization=protobuf",
            new Properties());
  }

  @Test
  void metadata_lists_every_table_and_view_of_the_warehouse_by_its_type() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    for (TableDef table : StarSchema.TABLES) {
      expected.put(table.name(), "TABLE");
    }
    for (String view : ViewDefinitions.load(getClass().getClassLoader()).keySet()) {
      expected.put(view, "VIEW");
    }
    assertThat(expected).containsEntry("penetration", "VIEW");

    Map<String, String> listed = new TreeMap<>();
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getTables(null, Warehouse.SCHEMA, "%", null)) {
      while (rs.next()) {
        listed.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
      }
    }
    assertThat(listed).isEqualTo(expected);
  }

  @Test
  void one_views_columns_are_its_own_in_the_case_written() throws Exception {
    List<String> remote = columns("penetration");
    assertThat(remote).contains("financial_year", "partnership", "penetration_pct");
    assertThat(remote).doesNotContain("indicator_code"); // another view's column
  }

  private static List<String> columns(String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getColumns(null, Warehouse.SCHEMA, table, "%")) {
      while (rs.next()) {
        assertThat(rs.getString("TABLE_NAME")).isEqualTo(table);
        names.add(rs.getString("COLUMN_NAME"));
      }
    }
    return names;
  }

  @Test
  void queries_run_through_the_delta_tables_and_the_views() throws Exception {
    String table = StarSchema.TABLES.get(0).name();
    try (Connection c = connect()) {
      for (String sql :
          new String[] {
            "SELECT count(*) FROM " + table,
            "SELECT count(*) FROM penetration WHERE financial_year = '2008-09'"
          }) {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
          assertThat(rs.next()).as(sql).isTrue();
          assertThat(rs.getLong(1)).as(sql).isZero(); // nothing was loaded
        }
      }
    }
  }
}
