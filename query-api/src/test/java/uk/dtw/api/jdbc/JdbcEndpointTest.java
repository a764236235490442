package uk.dtw.api.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.apache.calcite.avatica.remote.Driver;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.dtw.api.ApiServer;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.api.support.Http;

/**
 * The JDBC endpoint end to end: the real server over the fake warehouse, and Avatica's remote
 * driver, as DBeaver or any JDBC tool would connect.
 */
class JdbcEndpointTest {
  private static ApiServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server = FakeWarehouse.startServer();
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static String url(String serialization) {
    return "jdbc:avatica:remote:url=http://127.0.0.1:"
        + server.port()
        + "/api/v1/jdbc;serialization="
        + serialization;
  }

  private static Connection connect() throws SQLException {
    return connect("protobuf");
  }

  private static Connection connect(String serialization) throws SQLException {
    return new Driver().connect(url(serialization), new Properties());
  }

  /** The views the fake warehouse defines, read from its model file rather than from the server. */
  private static TreeSet<String> modelViews() throws IOException {
    try (InputStream in =
        JdbcEndpointTest.class.getResourceAsStream("/fake-warehouse-model.json")) {
      JsonNode model = new ObjectMapper().readTree(in);
      TreeSet<String> names = new TreeSet<>();
      model.get("schemas").get(0).get("tables").forEach(t -> names.add(t.get("name").asText()));
      return names;
    }
  }

  @Test
  void database_metadata_lists_the_views_of_the_warehouse() throws Exception {
    TreeSet<String> expected = modelViews();
    assertThat(expected).contains("partnership", "penetration", "funding_area_total");

    Map<String, String> listed = new LinkedHashMap<>();
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getTables(null, "dw", "%", null)) {
      while (rs.next()) {
        listed.put(rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
      }
    }

    assertThat(new TreeSet<>(listed.keySet())).isEqualTo(expected);
    assertThat(listed.values()).containsOnly("VIEW");
  }

  @Test
  void database_metadata_gives_a_views_columns_in_order() throws Exception {
    List<String> columns = new ArrayList<>();
    try (Connection c = connect();
        ResultSet rs = c.getMetaData().getColumns(null, "dw", "partnership", "%")) {
      while (rs.next()) {
        columns.add(rs.getString("COLUMN_NAME"));
      }
    }
    // As the model's VALUES name them: t(area_code, partnership, region, valid_from, valid_to).
    // Upper-cased: Calcite reads a model's view SQL in its default lex (CALCITE-3549), which the
    // real warehouse's views avoid (WarehouseDialect.toCalciteDefault; see JdbcRealSchemaTest).
    assertThat(columns)
        .containsExactly("AREA_CODE", "PARTNERSHIP", "REGION", "VALID_FROM", "VALID_TO");
  }

  @Test
  void the_connection_is_read_only_and_defaults_to_the_warehouse_schema() throws Exception {
    try (Connection c = connect()) {
      DatabaseMetaData meta = c.getMetaData();
      assertThat(c.isReadOnly()).isTrue();
      assertThat(c.getSchema()).isEqualTo("dw");
      assertThat(meta.getURL()).contains("/api/v1/jdbc");
    }
  }

  @Test
  void a_query_returns_the_warehouses_figures() throws Exception {
    // From the model's penetration VALUES for 2008-09: South East is Oxfordshire 1000, Kent 1600,
    // Surrey 400, Medway 300, Slough 250 in treatment (5 rows, 3550); North East is Gateshead 600
    // and Newcastle NULL (2 rows, 600: SUM skips the NULL).
    Map<String, long[]> byRegion = new LinkedHashMap<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT region, count(*) AS n, sum(pdus_in_treatment) AS treated"
                    + " FROM penetration WHERE financial_year = '2008-09'"
                    + " GROUP BY region ORDER BY region")) {
      while (rs.next()) {
        byRegion.put(rs.getString("region"), new long[] {rs.getLong("n"), rs.getLong("treated")});
      }
    }
    assertThat(byRegion.keySet()).containsExactly("North East", "South East");
    assertThat(byRegion.get("North East")).containsExactly(2, 600);
    assertThat(byRegion.get("South East")).containsExactly(5, 3550);
  }

  @ParameterizedTest
  @ValueSource(strings = {"protobuf", "json"})
  void dates_decimals_and_nulls_arrive_as_stored(String serialization) throws Exception {
    try (Connection c = connect(serialization);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT p.valid_from, p.valid_to, f.amount_gbp, f.note"
                    + " FROM partnership p JOIN funding f ON f.area_code = p.area_code"
                    + " WHERE p.partnership = 'Gateshead' AND f.financial_year = '2009-10'")) {
      assertThat(rs.next()).isTrue();
      // Gateshead (E6): valid from DATE '2000-01-01', no end; its one 2009-10 line, PTB 1200000.00.
      assertThat(rs.getDate("valid_from").toLocalDate()).isEqualTo(LocalDate.of(2000, 1, 1));
      assertThat(rs.getDate("valid_to")).isNull();
      assertThat(rs.getBigDecimal("amount_gbp")).isEqualByComparingTo(new BigDecimal("1200000"));
      assertThat(rs.getString("note")).isNull();
      assertThat(rs.next()).isFalse();
    }
  }

  @Test
  void a_prepared_statement_runs_again_with_new_parameters() throws Exception {
    String sql =
        "SELECT partnership FROM penetration"
            + " WHERE financial_year = ? AND pdus_in_treatment > ? ORDER BY partnership";
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement(sql)) {
      // 2008-09 above 500: Oxfordshire 1000, Kent 1600, Gateshead 600 (Newcastle's is NULL).
      assertThat(rows(p, "2008-09", 500)).containsExactly("Gateshead", "Kent", "Oxfordshire");
      // 2009-10 has only Oxfordshire, 1100.
      assertThat(rows(p, "2009-10", 500)).containsExactly("Oxfordshire");
      assertThat(rows(p, "2009-10", 2000)).isEmpty();
    }
  }

  private static List<String> rows(PreparedStatement p, String year, int above)
      throws SQLException {
    p.setString(1, year);
    p.setInt(2, above);
    List<String> names = new ArrayList<>();
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** 8 partnerships joined with themselves six times: 8^6 = 262,144 rows, over the cap. */
  private static final String ROWS_262144 =
      "SELECT a.area_code FROM partnership a, partnership b, partnership c,"
          + " partnership d, partnership e, partnership f";

  @Test
  void an_execution_stops_at_the_sql_row_cap() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.setFetchSize(20_000);
      assertThat(count(s.executeQuery(ROWS_262144))).isEqualTo(100_000);
      s.setMaxRows(50);
      assertThat(count(s.executeQuery(ROWS_262144))).isEqualTo(50);
    }
  }

  private static long count(ResultSet rs) throws SQLException {
    long n = 0;
    try (rs) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  /** Each statement, and the words of the refusal (none of them in the statement itself). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "INSERT INTO partnership VALUES ('E9', 'X', 'Y', DATE '2000-01-01', NULL)"
            + "|is a INSERT statement; this endpoint is read-only",
        "DELETE FROM partnership|is a DELETE statement; this endpoint is read-only",
        "SELECT 1; DROP TABLE partnership|cannot parse sql: Incorrect syntax near the keyword 'DROP'",
        "SELECT 1; SELECT 2|sql holds 2 statements; only one is run",
        "CREATE TABLE t (a INT)|cannot parse sql: Incorrect syntax near the keyword 'CREATE'",
      })
  void writes_ddl_and_several_statements_are_refused_saying_why(String sqlAndWhy) throws Exception {
    String sql = sqlAndWhy.substring(0, sqlAndWhy.indexOf('|'));
    String why = sqlAndWhy.substring(sqlAndWhy.indexOf('|') + 1);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute(sql))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(why)
          .satisfies(e -> assertThat(serverLines(e)).containsExactly(serverMessage(e)));
      // Avatica's driver keeps the server's message of a failed prepare only where it keeps the
      // server's stack traces, which the endpoint fills with the message alone.
      assertThatThrownBy(() -> c.prepareStatement(sql))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(serverLines(e)).singleElement().asString().contains(why));
    }
  }

  /** The server's message, as the driver put it into the SQLException's text. */
  private static String serverMessage(Throwable e) {
    String message = e.getMessage();
    return message.substring(message.indexOf("Remote driver error: ") + 21);
  }

  /**
   * What the server sent in place of its stack traces: lines with no stack frame in them (or the
   * test fails here).
   */
  private static List<String> serverLines(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AvaticaSqlException a) {
        for (String line : a.getStackTraces()) {
          assertThat(line).doesNotContain("\tat ", "\n");
        }
        return a.getStackTraces();
      }
    }
    throw new AssertionError("no AvaticaSqlException in " + e);
  }

  @Test
  void the_refusal_of_a_write_says_the_endpoint_is_read_only() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE partnership SET region = 'X'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("read-only");
    }
  }

  @Test
  void batches_are_refused() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.addBatch("SELECT 1");
      s.addBatch("SELECT 2");
      // Avatica's driver throws its AvaticaClientRuntimeException here, not a SQLException.
      assertThatThrownBy(s::executeBatch).hasMessageContaining("batch execution is refused");
    }
  }

  @Test
  void a_syntax_error_is_a_sql_exception_with_calcites_message_and_position() throws Exception {
    String sql = "SELECT FROM WHERE";
    String calcite = calciteParseMessage(sql);
    assertThat(calcite).contains("line 1, column 8");

    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery(sql))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(calcite)
          .satisfies(JdbcEndpointTest::hasNoServerStackTrace);
    }
  }

  /** What Calcite's parser says about {@code sql}, up to its list of expected tokens. */
  private static String calciteParseMessage(String sql) {
    SqlParser.Config config =
        SqlParser.config().withLex(Lex.JAVA).withQuoting(Quoting.DOUBLE_QUOTE);
    try {
      SqlParser.create(sql, config).parseStmtList();
    } catch (SqlParseException e) {
      String message = e.getMessage();
      return message.substring(0, message.indexOf("Was expecting")).strip().replaceAll("\\s+", " ");
    }
    throw new AssertionError("Calcite parses " + sql);
  }

  @Test
  void an_unknown_table_gets_calcites_validation_message() throws Exception {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeQuery("SELECT * FROM no_such_view"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Object 'no_such_view' not found")
          .satisfies(JdbcEndpointTest::hasNoServerStackTrace);
    }
  }

  private static void hasNoServerStackTrace(Throwable e) {
    assertThat(e.getMessage()).doesNotContain("\tat ", "Exception:");
    assertThat(serverLines(e)).containsExactly(serverMessage(e));
  }

  @Test
  void connections_past_the_cap_are_refused_until_one_closes() throws Exception {
    List<Connection> open = new ArrayList<>();
    try {
      for (int i = 0; i < JdbcEndpoint.MAX_CONNECTIONS; i++) {
        open.add(connect());
      }
      // Avatica's driver throws a failed open as its AvaticaClientRuntimeException.
      assertThatThrownBy(JdbcEndpointTest::connect)
          .hasMessageContaining("too many open JDBC connections (32)");
      open.remove(0).close();
      try (Connection c = connect();
          ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM partnership")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isEqualTo(8);
      }
    } finally {
      for (Connection c : open) {
        c.close();
      }
    }
  }

  @Test
  void a_call_on_a_connection_the_server_does_not_know_is_told_so_without_stack_traces() {
    HttpResponse<String> response =
        http.post(
            "/api/v1/jdbc",
            "{\"request\":\"prepareAndExecute\",\"connectionId\":\"nobody\",\"statementId\":1,"
                + "\"sql\":\"SELECT 1\",\"maxRowCount\":-1}");
    JsonNode body = Http.json(response);

    assertThat(response.statusCode()).isEqualTo(500); // how Avatica's protocol sends any error
    assertThat(body.get("response").asText()).isEqualTo("error");
    assertThat(body.get("errorMessage").asText()).contains("nobody", "is not open");
    assertThat(body.get("errorCode").asInt()).isEqualTo(1); // Avatica's missing connection
    assertThat(body.get("exceptions")).singleElement().isEqualTo(body.get("errorMessage"));
  }

  @Test
  void a_request_avatica_cannot_read_is_an_avatica_error_without_stack_traces() {
    HttpResponse<String> response = http.post("/api/v1/jdbc", "{\"request\":\"no-such-call\"}");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(Http.json(response).get("response").asText()).isEqualTo("error");
    assertThat(response.body()).doesNotContain("\\tat ");
  }

  @Test
  void health_lists_the_jdbc_endpoint() {
    assertThat(http.ok("/api/v1/health").get("endpoints"))
        .extracting(JsonNode::asText)
        .contains("POST /api/v1/jdbc");
  }
}
