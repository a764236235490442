package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dtw.api.reports.Measure;
import uk.dtw.api.reports.MeasureCatalogue;
import uk.dtw.api.support.DuckDbMirror;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;
import uk.dtw.api.support.SampleWarehouse;
import uk.dtw.model.vocabulary.Period;
import uk.dtw.warehouse.Warehouse;

/**
 * Every catalogued measure (views/measures.csv) agrees with the view that defines it (Calcite's row
 * type), with docs/measures.md, and ranks through the API exactly as DuckDB ranks the same view
 * over the same snapshot's files: on the sample warehouse where the plans' figures give it values,
 * and on a generated national warehouse for every measure (the sample has no partnership with both
 * funding and PDUs in treatment, so some funding ratios have no value there).
 */
class MeasureCatalogueTest {
  private static final Http sampleApi = SampleApi.http();
  private static final Http nationalApi = SampleApi.national();
  private static final Set<Integer> NUMERIC =
      Set.of(Types.DOUBLE, Types.DECIMAL, Types.INTEGER, Types.BIGINT, Types.FLOAT, Types.REAL);
  private static Warehouse warehouse;
  private static Connection duck;
  private static Warehouse nationalWarehouse;
  private static Connection nationalDuck;

  @BeforeAll
  static void open() throws SQLException {
    warehouse = Warehouse.open(SampleWarehouse.path().toString());
    duck = DuckDbMirror.open(warehouse);
    nationalWarehouse = Warehouse.open(SampleWarehouse.national().toString());
    nationalDuck = DuckDbMirror.open(nationalWarehouse);
  }

  @AfterAll
  static void close() throws SQLException {
    duck.close();
    warehouse.close();
    nationalDuck.close();
    nationalWarehouse.close();
  }

  static Stream<Measure> measures() {
    return MeasureCatalogue.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measures")
  void the_view_has_every_column_the_catalogue_names_with_the_type_it_needs(Measure m)
      throws SQLException {
    Map<String, Integer> types = new HashMap<>();
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT * FROM " + m.view() + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        types.put(md.getColumnLabel(i), md.getColumnType(i));
      }
    }
    assertThat(types).containsKeys("area_code", "partnership", "region", m.periodColumn());
    List<String> numeric = new ArrayList<>(List.of(m.valueColumn()));
    numeric.addAll(m.inputs());
    numeric.addAll(
        m.outputs().values().stream().filter(c -> !c.equals(m.baselineColumn())).toList());
    for (String column : numeric) {
      assertThat(types).as(m.name() + "." + column).containsKey(column);
      assertThat(NUMERIC).as(m.name() + "." + column + " is a number").contains(types.get(column));
    }
    if (m.takesBaseline()) {
      assertThat(types).containsKey(m.baselineColumn());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measures")
  void docs_measures_md_describes_it_as_the_catalogue_does(Measure m) throws IOException {
    String doc = Files.readString(Path.of("../docs/measures.md"));
    Matcher row =
        Pattern.compile(
                "^\\| `"
                    + Pattern.quote(m.name())
                    + "` \\| `([^`]+)` · `([^`]+)` \\| [^|]+ \\|"
                    + " ([^|]+) \\| ([a-z_]+) \\| ([^|]+) \\|$",
                Pattern.MULTILINE)
            .matcher(doc);
    assertThat(row.find()).as("a row for " + m.name() + " in docs/measures.md").isTrue();
    assertThat(row.group(1)).isEqualTo(m.view());
    assertThat(row.group(2)).isEqualTo(m.valueColumn());
    assertThat(row.group(3).strip()).isEqualTo(m.unit());
    assertThat(row.group(4)).isEqualTo(m.polarity().code());
    assertThat(row.group(5).replace("`", "").split(",\\s*")).containsExactlyElementsOf(m.inputs());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measures")
  void it_ranks_on_the_national_warehouse_as_duckdb_ranks_the_same_view(Measure m)
      throws SQLException {
    int ranked = compareRanking(m, nationalDuck, nationalApi);
    assertThat(ranked).as("partnerships ranked on " + m.name()).isGreaterThan(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("measures")
  void it_ranks_on_the_sample_as_duckdb_ranks_the_same_view_wherever_the_plans_give_values(
      Measure m) throws SQLException {
    if (latestPeriodWithValues(m, duck) == null) {
      // No partnership in the plans has every input of this measure: both engines must agree.
      assertThat(
              sampleApi
                  .get("/api/v1/rankings?measure=" + m.name() + "&period=2008-09")
                  .statusCode())
          .isEqualTo(404);
      return;
    }
    assertThat(compareRanking(m, duck, sampleApi)).isPositive();
  }

  /** Ranks the measure in its latest period with values through both; returns how many ranked. */
  private static int compareRanking(Measure m, Connection duck, Http http) throws SQLException {
    String period = latestPeriodWithValues(m, duck);
    assertThat(period).as("a period with values of " + m.name()).isNotNull();
    String baseline =
        m.takesBaseline() ? Period.parse(period).orElseThrow().previous().code() : null;
    String order = m.polarity().descending() ? "DESC" : "ASC";
    String sql =
        "SELECT partnership, v, RANK() OVER (ORDER BY v "
            + order
            + ") AS r FROM (SELECT partnership, "
            + m.valueColumn()
            + " AS v FROM "
            + m.view()
            + " WHERE "
            + m.periodColumn()
            + " = ?"
            + (m.takesBaseline() ? " AND " + m.baselineColumn() + " = ?" : "")
            + ") t WHERE v IS NOT NULL ORDER BY r, partnership";
    List<Object[]> expected = new ArrayList<>();
    try (PreparedStatement ps = duck.prepareStatement(sql)) {
      ps.setString(1, period);
      if (baseline != null) {
        ps.setString(2, baseline);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          expected.add(new Object[] {rs.getString(1), rs.getDouble(2), rs.getInt(3)});
        }
      }
    }
    assertThat(expected).as("DuckDB finds values of " + m.name()).isNotEmpty();
    JsonNode rows =
        http.ok(
                "/api/v1/rankings?limit=10000&measure="
                    + m.name()
                    + "&period="
                    + URLEncoder.encode(period, StandardCharsets.UTF_8))
            .get("rows");
    assertThat(rows).hasSize(expected.size());
    List<String> ranked = new ArrayList<>();
    rows.forEach(r -> ranked.add(r.get("rank").asInt() + " " + r.get("partnership").asText()));
    for (Object[] e : expected) {
      assertThat(ranked).as(m.name()).contains(e[2] + " " + e[0]);
    }
    for (JsonNode r : rows) {
      Object[] e =
          expected.stream()
              .filter(x -> x[0].equals(r.get("partnership").asText()))
              .findFirst()
              .orElseThrow();
      assertThat(r.get("value").asDouble())
          .as(m.name() + " " + e[0])
          .isCloseTo((Double) e[1], within(1e-9 * Math.max(1, Math.abs((Double) e[1]))));
    }
    return rows.size();
  }

  /** The latest period in which DuckDB finds a value of the measure in the sample. */
  private static String latestPeriodWithValues(Measure m, Connection duck) throws SQLException {
    try (Statement st = duck.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT MAX("
                    + m.periodColumn()
                    + ") FROM "
                    + m.view()
                    + " WHERE "
                    + m.valueColumn()
                    + " IS NOT NULL")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
