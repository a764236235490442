package uk.dtw.warehouse.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.dtw.warehouse.testing.TestRows.row;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.model.schema.Dimensions;
import uk.dtw.model.schema.Facts;
import uk.dtw.warehouse.Warehouse;
import uk.dtw.warehouse.testing.SqlRows;
import uk.dtw.warehouse.testing.TestRows;
import uk.dtw.warehouse.testing.TestWarehouse;

/** SQL over a small warehouse whose answers are worked out by hand in the comments. */
class WarehouseSqlTest {
  private static final Instant FINISHED = Instant.parse("2024-01-02T09:30:15.123Z");

  @TempDir static Path dir;
  static Warehouse wh;

  @BeforeAll
  static void load() {
    new TestWarehouse(dir)
        .load(
            "load-1",
            FINISHED,
            Map.of(
                Dimensions.AREA,
                    TestRows.rows(
                        area("00MR", "Portsmouth", null), area("24", "Hampshire", null),
                        area("00AA", "Aardvark", null),
                            area("12", "Cambridgeshire", LocalDate.of(2009, 3, 31))),
                Facts.TREATMENT,
                    TestRows.rows(
                        // 2008-09: 00MR 100 + 30 = 130, 24 250, 00AA 200 + 50 = 250, 12 50
                        treatment("00MR", "2008-09", "pdu", "in_treatment", 100.0),
                        treatment("00MR", "2008-09", "all_adults", "in_treatment", 30.0),
                        treatment("00MR", "2008-09", "pdu", "in_effective_treatment", 90.0),
                        treatment("24", "2008-09", "pdu", "in_treatment", 250.0),
                        treatment("00AA", "2008-09", "pdu", "in_treatment", 200.0),
                        treatment("00AA", "2008-09", "all_adults", "in_treatment", 50.0),
                        treatment("12", "2008-09", "pdu", "in_treatment", 50.0),
                        // 2009-10: 24 240, 00MR 120
                        treatment("00MR", "2009-10", "pdu", "in_treatment", 120.0),
                        treatment("24", "2009-10", "pdu", "in_treatment", 240.0))));
    wh = Warehouse.open(dir.toString());
  }

  @AfterAll
  static void close() throws SQLException {
    wh.close();
  }

  // Ties share a rank and the next rank skips: 250, 250, 130, 50 rank 1, 1, 3, 4.
  private static final List<String> RANKED =
      List.of(
          "2008-09 00AA 250.0 1",
          "2008-09 24 250.0 1",
          "2008-09 00MR 130.0 3",
          "2008-09 12 50.0 4",
          "2009-10 24 240.0 1",
          "2009-10 00MR 120.0 2");

  @Test
  void group_by_and_rank_over_a_fact_table_give_the_figures_worked_out_by_hand()
      throws SQLException {
    List<String> rows =
        query(
            """
        SELECT financial_year, area_code, SUM(figure) AS in_treatment,
          RANK() OVER (PARTITION BY financial_year ORDER BY SUM(figure) DESC) AS rnk
        FROM fact_treatment
        WHERE measure_code = 'in_treatment'
        GROUP BY financial_year, area_code
        ORDER BY financial_year, rnk, area_code""");

    assertThat(rows).containsExactlyElementsOf(RANKED);
  }

  @Test
  void a_view_on_the_classpath_can_build_on_another_view() throws SQLException {
    List<String> rows =
        query(
            "SELECT financial_year, area_code, in_treatment, rnk FROM test_treatment_rank ORDER BY financial_year, rnk, area_code");
    List<String> names =
        query(
            "SELECT area_name FROM test_treatment_rank WHERE area_code = '00MR' AND financial_year = '2009-10'");

    assertThat(rows).containsExactlyElementsOf(RANKED);
    assertThat(names).containsExactly("Portsmouth");
  }

  @Test
  void a_small_table_is_read_from_delta_once_and_then_kept() throws SQLException {
    query("SELECT COUNT(*) FROM fact_treatment WHERE area_code = '24'");
    query("SELECT figure FROM fact_treatment WHERE financial_year = '2009-10'");

    // One scan whatever the queries before: the 9 rows are kept after the first.
    assertThat(wh.scanStats("fact_treatment").scans()).isEqualTo(1);
    assertThat(wh.scanStats("fact_treatment").rowsRead()).isEqualTo(9);
  }

  @Test
  void names_match_whatever_their_case() throws SQLException {
    assertThat(
            query(
                "SELECT COUNT(*) FROM FACT_TREATMENT WHERE Measure_Code = 'in_effective_treatment'"))
        .containsExactly("1");
  }

  // Calcite 1.42 reserves PERIOD and MEASURE (and VALUE, PREV, ...): the schema avoids them,
  // and where a user still needs such a word, double quotes work.
  @Test
  void reserved_words_need_double_quotes_and_the_schema_uses_none() throws SQLException {
    assertThatThrownBy(() -> query("SELECT 1 AS period FROM dim_period"))
        .hasMessageContaining("parse failed");
    assertThat(query("SELECT financial_year AS \"period\" FROM dim_period")).isEmpty();
  }

  @Test
  void dates_and_timestamps_read_back_as_stored_in_any_time_zone() throws SQLException {
    TimeZone original = TimeZone.getDefault();
    try {
      for (String zone : List.of("UTC", "America/New_York", "Asia/Kolkata")) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try (Warehouse zoned = Warehouse.open(dir.toString());
            Statement st = zoned.connection().createStatement();
            ResultSet rs =
                st.executeQuery(
                    "SELECT a.valid_from, a.valid_to, m.finished_at FROM dim_area a, meta_load m"
                        + " WHERE a.valid_to = DATE '2009-03-31' AND m.finished_at = TIMESTAMP '2024-01-02 09:30:15.123'")) {
          assertThat(rs.next()).as(zone).isTrue();
          assertThat(rs.getDate(1).toLocalDate()).as(zone).isEqualTo(LocalDate.of(2008, 4, 1));
          assertThat(rs.getObject(2))
              .as(zone)
              .isEqualTo(java.sql.Date.valueOf(LocalDate.of(2009, 3, 31)));
          assertThat(rs.getTimestamp(3).toLocalDateTime())
              .as(zone)
              .isEqualTo(LocalDateTime.of(2024, 1, 2, 9, 30, 15, 123_000_000));
        }
      }
    } finally {
      TimeZone.setDefault(original);
    }
  }

  @Test
  void a_calcite_model_opens_the_warehouse_through_the_schema_factory() throws SQLException {
    String model =
        "inline:{version: '1.0', defaultSchema: 'dw', schemas: [{name: 'dw', type: 'custom',"
            + " factory: '"
            + WarehouseSchemaFactory.class.getName()
            + "',"
            + " operand: {directory: '"
            + dir.toString().replace("\\", "/")
            + "', version: 0}}]}";
    Properties info = new Properties();
    info.setProperty("model", model);
    info.setProperty("lex", "JAVA");
    try (Connection c = DriverManager.getConnection("jdbc:calcite:", info);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM dim_area")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(4);
    }
  }

  private static List<String> query(String sql) throws SQLException {
    return SqlRows.of(wh.connection(), sql);
  }

  private static Object[] area(String code, String name, LocalDate validTo) {
    return row(
        Dimensions.AREA,
        "area_code",
        code,
        "area_name",
        name,
        "area_level",
        "partnership",
        "valid_from",
        LocalDate.of(2008, 4, 1),
        "valid_to",
        validTo);
  }

  private static Object[] treatment(
      String area, String period, String group, String measure, double figure) {
    return row(
        Facts.TREATMENT,
        "area_code",
        area,
        "financial_year",
        period,
        "client_group",
        group,
        "measure_code",
        measure,
        "figure",
        figure);
  }
}
