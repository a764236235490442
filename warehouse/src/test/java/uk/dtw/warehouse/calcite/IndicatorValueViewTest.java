package uk.dtw.warehouse.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.dtw.warehouse.testing.TestRows.row;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.model.schema.Dimensions;
import uk.dtw.model.schema.Facts;
import uk.dtw.warehouse.Warehouse;
import uk.dtw.warehouse.testing.TestRows;
import uk.dtw.warehouse.testing.TestWarehouse;

/**
 * The indicator_value view fills in values and intervals from counts, checked against figures
 * worked out by hand (and against published calculators: Wilson 30/120 is 18.1%-33.4%; Byar for 25
 * events is 16.17-36.91 events, the exact Poisson interval being 16.18-36.90).
 */
class IndicatorValueViewTest {
  @TempDir static Path dir;
  static Warehouse wh;

  @BeforeAll
  static void load() {
    new TestWarehouse(dir)
        .load(
            "load-1",
            Instant.parse("2024-01-02T09:30:00Z"),
            Map.of(
                Dimensions.AREA,
                    TestRows.rows(
                        area("24", "Hampshire"),
                        area("00MR", "Portsmouth"),
                        area("38", "Oxfordshire"),
                        whole("E12000008", "South East", "region"),
                        whole("E92000001", "England", "country")),
                Dimensions.INDICATOR,
                    TestRows.rows(
                        indicator(
                            "deaths", "per 100,000 population", "low_is_good", 100000.0, "byar"),
                        indicator("completion", "percent", "high_is_good", 100.0, "wilson")),
                Facts.INDICATOR,
                    TestRows.rows(
                        // 25 deaths in 1,000,000 people: 2.5 per 100,000, Byar 1.6174-3.6906
                        fact("deaths", "24", 25.0, 1_000_000.0, null, null, null),
                        // reported 2.42 from 25 deaths, no population: interval scaled from the
                        // value, 1.5657-3.5725
                        fact("deaths", "00MR", 25.0, null, 2.42, null, null),
                        // reported with its own interval: kept as reported
                        fact("deaths", "38", 10.0, 400_000.0, 2.6, 1.2, 4.5),
                        // 30 of 120 completed: 25%, Wilson 18.1098-33.4411
                        fact("completion", "24", 30.0, 120.0, null, null, null),
                        // England's own row: reported, so never aggregated
                        fact("completion", "E92000001", null, null, 26.0, 20.0, 30.0))));
    wh = Warehouse.open(dir.toString());
  }

  @AfterAll
  static void close() throws SQLException {
    wh.close();
  }

  @Test
  void a_rate_from_a_count_and_population_gets_byars_interval() throws SQLException {
    Map<String, Object> r = one("deaths", "24");
    assertThat((Double) r.get("figure")).isCloseTo(2.5, within(1e-9));
    assertThat((Double) r.get("lower_95")).isCloseTo(1.6174266, within(1e-6));
    assertThat((Double) r.get("upper_95")).isCloseTo(3.6906451, within(1e-6));
    assertThat(r)
        .containsEntry("figure_source", "computed")
        .containsEntry("interval_source", "byar");
  }

  @Test
  void a_reported_rate_with_its_count_gets_byars_interval_scaled_to_the_value()
      throws SQLException {
    Map<String, Object> r = one("deaths", "00MR");
    assertThat((Double) r.get("figure")).isEqualTo(2.42);
    assertThat((Double) r.get("lower_95")).isCloseTo(1.5656689, within(1e-6));
    assertThat((Double) r.get("upper_95")).isCloseTo(3.5725444, within(1e-6));
    assertThat(r).containsEntry("figure_source", "reported");
  }

  @Test
  void a_reported_interval_is_kept_as_reported() throws SQLException {
    Map<String, Object> r = one("deaths", "38");
    assertThat(r)
        .containsEntry("figure", 2.6)
        .containsEntry("lower_95", 1.2)
        .containsEntry("upper_95", 4.5)
        .containsEntry("interval_source", "reported");
  }

  @Test
  void a_proportion_gets_wilsons_score_interval() throws SQLException {
    Map<String, Object> r = one("completion", "24");
    assertThat((Double) r.get("figure")).isCloseTo(25.0, within(1e-9));
    assertThat((Double) r.get("lower_95")).isCloseTo(18.1098217, within(1e-6));
    assertThat((Double) r.get("upper_95")).isCloseTo(33.4411367, within(1e-6));
    assertThat(r).containsEntry("interval_source", "wilson");
  }

  @Test
  void a_region_without_a_row_of_its_own_sums_its_partnerships_counts_and_gets_the_same_interval()
      throws SQLException {
    // Hampshire 25 of 1,000,000 and Oxfordshire 10 of 400,000 (Portsmouth has no population, so
    // is not summed): O = 35, n = 1,400,000, 35 / 1,400,000 x 100,000 = 2.5 per 100,000.
    // Byar, k = 100,000 / 1,400,000: lower = 35 (1 - 1/315 - 1.959964/(3 sqrt 35))^3 k = 1.741086,
    // upper = 36 (1 - 1/324 + 1.959964/(3 sqrt 36))^3 k = 3.477001.
    Map<String, Object> se = one("deaths", "E12000008");
    assertThat((Double) se.get("figure")).isCloseTo(2.5, within(1e-9));
    assertThat((Double) se.get("lower_95")).isCloseTo(1.7410865, within(1e-6));
    assertThat((Double) se.get("upper_95")).isCloseTo(3.4770007, within(1e-6));
    assertThat(se)
        .containsEntry("basis", "aggregated")
        .containsEntry("partnerships_aggregated", 2)
        .containsEntry("interval_source", "byar");
    // England is every partnership here: the same sums.
    assertThat((Double) one("deaths", "E92000001").get("lower_95"))
        .isCloseTo(1.7410865, within(1e-6));
    // Wilson for the South East's one partnership with a count: Hampshire's own interval.
    assertThat((Double) one("completion", "E12000008").get("lower_95"))
        .isCloseTo(18.1098217, within(1e-6));
  }

  @Test
  void an_area_with_a_row_of_its_own_is_never_aggregated() throws SQLException {
    assertThat(one("completion", "E92000001"))
        .containsEntry("figure", 26.0)
        .containsEntry("lower_95", 20.0)
        .containsEntry("basis", "reported")
        .containsEntry("partnerships_aggregated", null);
    try (Statement st = wh.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COUNT(*) FROM indicator_value WHERE area_code = 'E92000001'"
                    + " AND indicator_code = 'completion'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void every_partnership_appears_in_each_indicator_period_with_or_without_a_value()
      throws SQLException {
    try (Statement st = wh.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT COUNT(*), COUNT(figure) FROM indicator_partnership"
                    + " WHERE indicator_code = 'completion'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
      assertThat(rs.getInt(2)).isEqualTo(1);
    }
  }

  private static Map<String, Object> one(String indicator, String area) throws SQLException {
    try (Statement st = wh.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT figure, lower_95, upper_95, figure_source, interval_source, basis,"
                    + " partnerships_aggregated"
                    + " FROM indicator_value WHERE indicator_code = '"
                    + indicator
                    + "' AND area_code = '"
                    + area
                    + "'")) {
      assertThat(rs.next()).isTrue();
      Map<String, Object> row = new HashMap<>();
      for (int i = 1; i <= 7; i++) {
        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
      }
      return row;
    }
  }

  private static Object[] area(String code, String name) {
    return area(code, name, "partnership", "South East");
  }

  private static Object[] whole(String code, String name, String level) {
    return area(code, name, level, level.equals("region") ? name : null);
  }

  private static Object[] area(String code, String name, String level, String region) {
    return row(
        Dimensions.AREA,
        "area_code",
        code,
        "area_name",
        name,
        "area_level",
        level,
        "region_name",
        region,
        "valid_from",
        LocalDate.of(2001, 4, 1));
  }

  private static Object[] indicator(
      String code, String unit, String polarity, double multiplier, String method) {
    return row(
        Dimensions.INDICATOR,
        "indicator_code",
        code,
        "name",
        code,
        "unit",
        unit,
        "polarity",
        polarity,
        "multiplier",
        multiplier,
        "method",
        method);
  }

  private static Object[] fact(
      String indicator,
      String area,
      Double numerator,
      Double denominator,
      Double figure,
      Double lower,
      Double upper) {
    return row(
        Facts.INDICATOR,
        "indicator_code",
        indicator,
        "area_code",
        area,
        "period_code",
        "2008",
        "period_start",
        LocalDate.of(2008, 1, 1),
        "numerator",
        numerator,
        "denominator",
        denominator,
        "figure",
        figure,
        "lower_95",
        lower,
        "upper_95",
        upper);
  }
}
