package uk.dtw.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.KeyedSampleApi;
import uk.dtw.model.schema.Role;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;

/**
 * JDBC through {@code /api/v1/jdbc} with a bearer key, as Avatica's driver sends it: an analyst's
 * metadata and queries know nothing of the hidden tables, an admin's know them all, and without a
 * key there is no endpoint.
 */
class RolesJdbcTest {
  private static final String BASE = KeyedSampleApi.anonymous().base();

  private static Connection connect(String key) throws SQLException {
    Properties info = new Properties();
    if (key != null) {
      info.setProperty("authentication", "BEARER");
      info.setProperty("bearer_token", key);
    }
    return new Driver()
        .connect("jdbc:avatica:remote:url=" + BASE + "/api/v1/jdbc;serialization=protobuf", info);
  }

  private static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  private static List<String> hidden() {
    return StarSchema.TABLES.stream()
        .filter(t -> !Role.ANALYST.reads(t))
        .map(TableDef::name)
        .toList();
  }

  @Test
  void an_analysts_get_tables_and_get_columns_show_no_hidden_table() throws Exception {
    try (Connection c = connect(KeyedSampleApi.analystKey())) {
      assertThat(tables(c))
          .contains("penetration", "dim_area")
          .doesNotContainAnyElementsOf(hidden());
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "meta_load", null)) {
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = c.getMetaData().getColumns(null, null, "%", "client_ref")) {
        assertThat(rs.next()).isFalse();
      }
    }
  }

  @Test
  void an_analysts_query_of_a_hidden_table_is_not_found() throws Exception {
    try (Connection c = connect(KeyedSampleApi.analystKey())) {
      assertThatThrownBy(() -> c.createStatement().executeQuery("SELECT * FROM bronze_row"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Object 'bronze_row' not found");
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM dim_area")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isGreaterThan(100);
      }
    }
  }

  @Test
  void an_admin_sees_every_table() throws Exception {
    try (Connection c = connect(KeyedSampleApi.adminKey())) {
      assertThat(tables(c))
          .containsAll(StarSchema.TABLES.stream().map(TableDef::name).toList())
          .contains("episode_year", "penetration");
      try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM meta_load")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isPositive();
      }
    }
  }

  @Test
  void without_a_key_a_jdbc_client_is_refused_before_any_metadata() {
    assertThatThrownBy(() -> connect(null).getMetaData().getTables(null, null, "%", null))
        .hasMessageContaining("401");
  }
}
