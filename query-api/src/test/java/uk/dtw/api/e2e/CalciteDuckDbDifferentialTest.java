package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dtw.api.support.DuckDbMirror;
import uk.dtw.api.support.SampleWarehouse;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.Warehouse;
import uk.dtw.warehouse.calcite.ViewDefinitions;

/**
 * The same SQL through Calcite (over Delta Kernel) and through DuckDB (over the parquet files
 * Kernel lists as active in the pinned snapshot), compared value by value. DuckDB gets the very
 * same view definitions, so every measure is computed twice by independent engines.
 */
class CalciteDuckDbDifferentialTest {
  private static Warehouse warehouse;
  private static Connection duck;
  private static Warehouse national;
  private static Connection nationalDuck;

  @BeforeAll
  static void openBoth() throws SQLException {
    warehouse = Warehouse.open(SampleWarehouse.path().toString());
    duck = DuckDbMirror.open(warehouse);
    // The plans give no record-level data: episodes are compared on the generated national set.
    national = Warehouse.open(SampleWarehouse.national().toString());
    nationalDuck = DuckDbMirror.open(national);
  }

  @AfterAll
  static void close() throws SQLException {
    if (duck != null) {
      duck.close();
    }
    if (warehouse != null) {
      warehouse.close();
    }
    if (nationalDuck != null) {
      nationalDuck.close();
    }
    if (national != null) {
      national.close();
    }
  }

  /** Views and tables of episodes read record-level data, which only the national set has. */
  private static boolean fromEpisodes(String sql) {
    return sql.contains(" episode_") || sql.contains(" fact_episode");
  }

  static Stream<String> everyViewAndFact() {
    Stream<String> views =
        ViewDefinitions.load(CalciteDuckDbDifferentialTest.class.getClassLoader())
            .keySet()
            .stream();
    Stream<String> facts =
        StarSchema.TABLES.stream()
            .filter(
                t ->
                    t.name().startsWith("fact_")
                        || t.name().startsWith("dim_")
                        || t.name().startsWith("episode_"))
            .map(TableDef::name);
    return Stream.concat(views, facts).map(name -> "SELECT * FROM " + name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyViewAndFact")
  void both_engines_give_the_same_rows(String sql) throws SQLException {
    boolean episodes = fromEpisodes(sql);
    List<List<String>> calcite = rows((episodes ? national : warehouse).connection(), sql);
    assertThat(calcite).as("Calcite returns rows for " + sql).isNotEmpty();
    assertThat(calcite)
        .as(sql)
        .containsExactlyElementsOf(rows(episodes ? nationalDuck : duck, sql));
  }

  @Test
  void a_regional_ranking_with_window_functions_agrees() throws SQLException {
    String sql =
        """
        SELECT region, partnership, penetration_pct,
          RANK() OVER (PARTITION BY region ORDER BY penetration_pct DESC) AS regional_rank,
          COUNT(*) OVER (PARTITION BY region) AS partnerships_in_region
        FROM penetration
        WHERE financial_year = '2008-09' AND penetration_pct IS NOT NULL""";
    List<List<String>> calcite = rows(warehouse.connection(), sql);
    assertThat(calcite).hasSize(19); // the South East table: the only partnerships with both inputs
    assertThat(calcite).containsExactlyElementsOf(rows(duck, sql));
  }

  @Test
  void funding_totals_by_year_agree() throws SQLException {
    String sql =
        """
        SELECT financial_year, SUM(amount_gbp) AS total, COUNT(amount_gbp) AS amounts, COUNT(note) AS notes
        FROM funding GROUP BY financial_year""";
    assertThat(rows(warehouse.connection(), sql))
        .hasSize(5)
        .containsExactlyElementsOf(rows(duck, sql));
  }

  /**
   * Rows as normalised text, sorted: numbers to 12 significant digits, dates ISO, nulls as "null".
   */
  private static List<List<String>> rows(Connection connection, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(normalise(rs.getObject(i)));
        }
        rows.add(row);
      }
    }
    rows.sort((a, b) -> String.join("\u0001", a).compareTo(String.join("\u0001", b)));
    return rows;
  }

  private static String normalise(Object v) {
    if (v == null) {
      return "null";
    } else if (v instanceof Number n) {
      return new BigDecimal(n.toString())
          .round(new MathContext(12))
          .stripTrailingZeros()
          .toPlainString();
    } else if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    return v.toString();
  }
}
