package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.dtw.api.support.DuckDbMirror;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;
import uk.dtw.api.support.SampleWarehouse;
import uk.dtw.warehouse.Warehouse;

/**
 * The measures from episodes, value by value, against a second implementation: DuckDB computing the
 * same definitions from the same Parquet files, written here from the definitions' words rather
 * than from the views (its own date arithmetic, its own exit codes, no dimension tables).
 */
class EpisodeMeasuresTest {
  private static Warehouse warehouse;
  private static Connection duck;

  /**
   * The definitions of docs/measures.md, in DuckDB's own SQL, over fact_episode alone: the years a
   * partnership sent are read from the files' names, not from the loader's extract_year.
   */
  private static final String INDEPENDENT =
      """
      WITH years AS (
        SELECT DISTINCT e.area_code, d.financial_year AS fy, d.start_date AS ys, d.end_date AS ye
        FROM dim_period d JOIN fact_episode e
          ON d.financial_year = regexp_extract(e.source_file, '(\\d{4}-\\d{2})', 1)),
      open AS (
        SELECT e.area_code, y.fy, y.ys, y.ye, e.client_ref, e.triage_date, e.discharge_date,
          e.discharge_reason,
          e.primary_substance IN ('heroin', 'methadone', 'other_opiates', 'crack')
            OR coalesce(e.secondary_substance IN ('heroin', 'methadone', 'other_opiates', 'crack'), false)
            AS pdu
        FROM fact_episode e JOIN years y ON y.area_code = e.area_code
          AND e.triage_date <= y.ye AND (e.discharge_date IS NULL OR e.discharge_date >= y.ys)),
      people AS (
        SELECT area_code, fy, client_ref, min(ys) AS ys, min(ye) AS ye, bool_or(pdu) AS pdu,
          bool_or(date_diff('day', triage_date, least(coalesce(discharge_date, ye), ye)) >= 84
            OR (discharge_date <= ye AND discharge_reason = 'planned')) AS effective,
          bool_or(discharge_date <= ye AND discharge_reason = 'planned') AS planned,
          bool_or(discharge_date <= ye AND discharge_reason IN ('unplanned', 'withdrawn', 'custody'))
            AS unplanned
        FROM open GROUP BY area_code, fy, client_ref),
      firsts AS (
        SELECT area_code, client_ref, min(triage_date) AS first_triage FROM fact_episode
        GROUP BY area_code, client_ref)
      SELECT p.area_code || ' ' || p.fy AS k,
        count(*) || ' ' || count(*) FILTER (WHERE effective)
          || ' ' || count(*) FILTER (WHERE f.first_triage BETWEEN p.ys AND p.ye)
          || ' ' || count(*) FILTER (WHERE planned) || ' ' || count(*) FILTER (WHERE unplanned)
          || ' ' || count(*) FILTER (WHERE pdu) || ' ' || count(*) FILTER (WHERE pdu AND effective)
      FROM people p JOIN firsts f ON f.area_code = p.area_code AND f.client_ref = p.client_ref
      GROUP BY p.area_code, p.fy
      """;

  @BeforeAll
  static void open() throws SQLException {
    warehouse = Warehouse.open(SampleWarehouse.national().toString());
    duck = DuckDbMirror.open(warehouse);
  }

  @AfterAll
  static void close() throws SQLException {
    duck.close();
    warehouse.close();
  }

  @Test
  void people_in_treatment_effective_new_and_exits_equal_duckdbs_for_every_partnership_year()
      throws SQLException {
    Map<String, String> expected = rows(duck, INDEPENDENT);
    Map<String, String> actual =
        rows(
            warehouse.connection(),
            "SELECT area_code || ' ' || financial_year, CAST(people_in_treatment AS VARCHAR) || ' '"
                + " || CAST(people_in_effective_treatment AS VARCHAR) || ' '"
                + " || CAST(people_new_to_treatment AS VARCHAR) || ' ' || CAST(planned_exits AS VARCHAR)"
                + " || ' ' || CAST(unplanned_exits AS VARCHAR) || ' '"
                + " || CAST(pdus_in_treatment_episodes AS VARCHAR) || ' '"
                + " || CAST(pdus_in_effective_treatment_episodes AS VARCHAR)"
                + " FROM episode_treatment WHERE people_in_treatment IS NOT NULL");
    // 1% of England over two years: well over a hundred partnerships in each.
    assertThat(expected).hasSizeGreaterThan(250);
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void the_coverage_aggregate_the_load_builds_equals_a_count_of_the_raw_episodes()
      throws SQLException {
    Map<String, String> raw =
        rows(
            duck,
            "SELECT area_code || ' ' || regexp_extract(source_file, '(\\d{4}-\\d{2})', 1),"
                + " CAST(count(*) AS VARCHAR) FROM fact_episode GROUP BY 1");
    Map<String, String> aggregate =
        rows(
            warehouse.connection(),
            "SELECT area_code || ' ' || extract_year, CAST(episodes AS VARCHAR)"
                + " FROM episode_coverage");
    assertThat(raw).hasSizeGreaterThan(250);
    assertThat(aggregate).containsExactlyInAnyOrderEntriesOf(raw);
  }

  /**
   * Each view the load stores answers from its aggregate (the plan reads it, not fact_episode) and
   * gives, row for row, what its definition computes from the episodes.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "episode_treatment",
        "episode_waiting",
        "episode_breakdown",
        "episode_vs_reported"
      })
  void views_answer_from_the_loads_aggregates_exactly_as_from_the_episodes(String view)
      throws SQLException {
    String query = "SELECT * FROM " + view;
    assertThat(plan(warehouse.connection(), query)).contains("agg_").doesNotContain("fact_episode");
    assertThat(plan(warehouse.connectionWithoutAggregates(), query))
        .contains("fact_episode")
        .doesNotContain("agg_");
    List<String> fromEpisodes = allRows(warehouse.connectionWithoutAggregates(), query);
    assertThat(fromEpisodes).hasSizeGreaterThan(250);
    assertThat(allRows(warehouse.connection(), query))
        .containsExactlyInAnyOrderElementsOf(fromEpisodes);
  }

  @Test
  void breakdowns_count_each_person_once_per_category_as_duckdb_does() throws SQLException {
    String duckSql =
        """
        WITH years AS (
          SELECT DISTINCT e.area_code, d.financial_year AS fy, d.start_date AS ys, d.end_date AS ye
          FROM dim_period d JOIN fact_episode e
            ON d.financial_year = regexp_extract(e.source_file, '(\\d{4}-\\d{2})', 1))
        SELECT e.area_code || ' ' || y.fy || ' ' || d.dimension || ' ' || d.category,
          CAST(count(DISTINCT e.client_ref) AS VARCHAR)
        FROM fact_episode e JOIN years y ON y.area_code = e.area_code
          AND e.triage_date <= y.ye AND (e.discharge_date IS NULL OR e.discharge_date >= y.ys)
        CROSS JOIN LATERAL (VALUES ('sex', e.sex), ('age_band', e.age_band),
          ('modality', e.modality), ('primary_substance', e.primary_substance)) d(dimension, category)
        GROUP BY 1
        """;
    Map<String, String> expected = rows(duck, duckSql);
    Map<String, String> actual =
        rows(
            warehouse.connection(),
            "SELECT area_code || ' ' || financial_year || ' ' || dimension || ' ' || category,"
                + " CAST(people_in_treatment AS VARCHAR) FROM episode_breakdown"
                + " WHERE dimension IN ('sex', 'age_band', 'modality', 'primary_substance')");
    assertThat(expected).hasSizeGreaterThan(1000);
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void episodes_and_reported_figures_stand_side_by_side_with_their_difference()
      throws SQLException {
    try (Statement st = warehouse.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT v.from_episodes, v.reported, v.difference, e.people_in_treatment,"
                    + " t.in_treatment FROM episode_vs_reported v"
                    + " JOIN episode_treatment e ON e.area_code = v.area_code"
                    + "  AND e.financial_year = v.financial_year"
                    + " JOIN treatment t ON t.area_code = v.area_code"
                    + "  AND t.financial_year = v.financial_year AND t.client_group = v.client_group"
                    + " WHERE v.client_group = 'all_adults' AND v.measure_code = 'in_treatment'")) {
      int n = 0;
      while (rs.next()) {
        n++;
        assertThat(rs.getDouble(1)).isEqualTo(rs.getDouble(4));
        assertThat(rs.getDouble(2)).isEqualTo(rs.getDouble(5));
        assertThat(rs.getDouble(3)).isEqualTo(rs.getDouble(4) - rs.getDouble(5));
      }
      assertThat(n).isGreaterThan(250);
    }
  }

  @Test
  void the_breakdown_endpoint_gives_a_partnerships_people_by_sex_beside_englands_shares()
      throws SQLException {
    Http api = SampleApi.national();
    JsonNode rows =
        api.ok("/api/v1/breakdown?partnership=kent&period=2008-09&dimension=sex").get("breakdown");
    Map<String, String> duckKent =
        rows(
            duck,
            "SELECT sex, CAST(count(DISTINCT client_ref) AS VARCHAR) FROM fact_episode"
                + " WHERE area_code = '29' AND triage_date <= DATE '2009-03-31'"
                + " AND (discharge_date IS NULL OR discharge_date >= DATE '2008-04-01')"
                + " GROUP BY sex"); // Kent sent 2008-09, so every episode open in it counts
    Map<String, String> served = new TreeMap<>();
    rows.forEach(
        r -> served.put(r.get("category").asText(), r.get("people_in_treatment").asText()));
    assertThat(served).isEqualTo(duckKent);
    // England's share of each sex: people (each once per partnership) open in 2008-09 at a
    // partnership that sent 2008-09, of all such people.
    Map<String, String> duckEngland =
        rows(
            duck,
            """
            WITH open AS (
              SELECT area_code || '|' || client_ref AS person, sex FROM fact_episode
              WHERE triage_date <= DATE '2009-03-31'
                AND (discharge_date IS NULL OR discharge_date >= DATE '2008-04-01')
                AND area_code IN (SELECT area_code FROM fact_episode
                  WHERE regexp_extract(source_file, '(\\d{4}-\\d{2})', 1) = '2008-09'))
            SELECT sex, CAST(100.0 * count(DISTINCT person)
              / (SELECT count(DISTINCT person) FROM open) AS VARCHAR)
            FROM open GROUP BY sex""");
    for (JsonNode r : rows) {
      assertThat(r.get("england_share_pct").asDouble())
          .as(r.get("category").asText())
          .isCloseTo(
              Double.parseDouble(duckEngland.get(r.get("category").asText())),
              org.assertj.core.api.Assertions.within(1e-9));
    }
    assertThat(
            api.get("/api/v1/breakdown?partnership=Kent&period=2008-09&dimension=shoe_size")
                .statusCode())
        .isEqualTo(400);
  }

  private static String plan(Connection c, String sql) throws SQLException {
    return String.join("\n", allRows(c, "EXPLAIN PLAN FOR " + sql));
  }

  /** Every row as its columns' text, joined by '|'. */
  private static List<String> allRows(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          row.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }

  private static Map<String, String> rows(Connection c, String sql) throws SQLException {
    Map<String, String> out = new TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        assertThat(out.put(rs.getString(1), rs.getString(2)))
            .as("one row per " + rs.getString(1))
            .isNull();
      }
    }
    return out;
  }
}
