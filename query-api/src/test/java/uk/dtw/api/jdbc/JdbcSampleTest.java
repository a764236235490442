package uk.dtw.api.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.Golden;
import uk.dtw.api.support.SampleApi;

/**
 * A standard JDBC client, Avatica's remote driver, against the running server over the sample
 * warehouse: it lists the views through DatabaseMetaData, reads the plan's South East penetration
 * table, and cannot write.
 */
class JdbcSampleTest {
  private static Connection jdbc;

  @BeforeAll
  static void connect() throws SQLException {
    String url =
        "jdbc:avatica:remote:url="
            + SampleApi.http().base()
            + "/api/v1/jdbc;serialization=protobuf";
    jdbc = DriverManager.getConnection(url);
  }

  @AfterAll
  static void close() throws SQLException {
    jdbc.close();
  }

  @Test
  void database_metadata_lists_the_analysts_views_and_their_columns() throws SQLException {
    DatabaseMetaData meta = jdbc.getMetaData();
    List<String> tables = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, null, "%", null)) {
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
    }
    assertThat(tables).contains("penetration", "funding_total", "partnership", "dim_area");
    List<String> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, null, "penetration", null)) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
    }
    assertThat(columns).contains("partnership", "financial_year", "penetration_pct");
  }

  @Test
  void a_query_returns_the_plans_south_east_figures() throws SQLException {
    Map<String, Double> expected = new LinkedHashMap<>();
    for (Map<String, String> r : Golden.rows("south_east_penetration_2008_09.csv")) {
      expected.put(
          r.get("partnership"),
          100.0
              * Double.parseDouble(r.get("pdus_in_treatment"))
              / Double.parseDouble(r.get("pdu_estimate")));
    }
    Map<String, Double> found = new LinkedHashMap<>();
    try (Statement s = jdbc.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT partnership, penetration_pct FROM penetration WHERE region = 'South East'"
                    + " AND financial_year = '2008-09' AND penetration_pct IS NOT NULL"
                    + " ORDER BY penetration_pct DESC")) {
      while (rs.next()) {
        found.put(rs.getString(1), rs.getDouble(2));
      }
    }
    assertThat(found.keySet()).containsExactlyElementsOf(expected.keySet());
    found.forEach((name, pct) -> assertThat(pct).isCloseTo(expected.get(name), within()));
  }

  @Test
  void writes_and_several_statements_are_refused_with_the_reason() {
    assertThatThrownBy(
            () -> jdbc.createStatement().executeUpdate("INSERT INTO dim_area VALUES ('x')"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> jdbc.createStatement().executeQuery("SELECT 1; DROP TABLE dim_area"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("sql");
  }

  @Test
  void a_mistake_comes_back_in_calcites_words_with_its_position() {
    assertThatThrownBy(() -> jdbc.createStatement().executeQuery("SELECT nope FROM penetration"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("nope")
        .hasMessageContaining("line 1, column 8")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\tat "));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
