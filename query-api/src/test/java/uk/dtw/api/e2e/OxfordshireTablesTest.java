package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.DuckDbMirror;
import uk.dtw.api.support.Golden;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;
import uk.dtw.api.support.SampleWarehouse;
import uk.dtw.warehouse.Warehouse;

/**
 * The Oxfordshire plan's two tables as named reports, against the printed figures; national ranks
 * (which the sample cannot reproduce: it holds only the South East's estimates) against DuckDB's
 * RANK() over the same view, a second implementation of the ranking.
 */
class OxfordshireTablesTest {
  private static final Http http = SampleApi.http();
  private static Warehouse warehouse;
  private static Connection duck;

  @BeforeAll
  static void start() throws SQLException {
    warehouse = Warehouse.open(SampleWarehouse.path().toString());
    duck = DuckDbMirror.open(warehouse);
  }

  @AfterAll
  static void stop() throws SQLException {
    duck.close();
    warehouse.close();
  }

  /** Partnership to RANK() as DuckDB computes it over a view for one year. */
  private static Map<String, Integer> duckRanks(
      String view, String value, String year, String order) throws SQLException {
    Map<String, Integer> ranks = new HashMap<>();
    String sql =
        "SELECT partnership, RANK() OVER (ORDER BY "
            + value
            + " "
            + order
            + ") FROM "
            + view
            + " WHERE financial_year = '"
            + year
            + "' AND "
            + value
            + " IS NOT NULL";
    try (Statement s = duck.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ranks.put(rs.getString(1), rs.getInt(2));
      }
    }
    return ranks;
  }

  @Test
  void the_south_east_penetration_table_has_the_printed_rows_and_figures() {
    List<Map<String, String>> golden = Golden.rows("south_east_penetration_2008_09.csv");
    JsonNode body = http.ok("/api/v1/reports/penetration-table?region=South%20East&period=2008-09");
    JsonNode rows = body.get("rows");

    assertThat(rows).hasSize(golden.size());
    for (int i = 0; i < golden.size(); i++) {
      Map<String, String> printed = golden.get(i);
      JsonNode row = rows.get(i);
      assertThat(row.get("partnership").asText()).isEqualTo(printed.get("partnership"));
      assertThat(row.get("rank").asInt()).isEqualTo(Integer.parseInt(printed.get("rank")));
      assertThat(row.get("pdu_estimate").asDouble())
          .isEqualTo(Double.parseDouble(printed.get("pdu_estimate")));
      assertThat(row.get("pdus_in_treatment").asDouble())
          .isEqualTo(Double.parseDouble(printed.get("pdus_in_treatment")));
      assertThat(row.get("penetration_pct").asDouble())
          .as(printed.get("partnership"))
          .isCloseTo(Double.parseDouble(printed.get("penetration_pct")), within(0.1));
    }
    assertThat(body.get("previous_period").asText()).isEqualTo("2007-08");
    assertThat(body.get("headings").get("previous_national_rank").asText())
        .isEqualTo("National ranking 2007-08");
  }

  @Test
  void its_national_ranks_agree_with_duckdb_this_year_and_last() throws SQLException {
    Map<String, Integer> thisYear = duckRanks("penetration", "penetration_pct", "2008-09", "DESC");
    Map<String, Integer> lastYear = duckRanks("penetration", "penetration_pct", "2007-08", "DESC");
    JsonNode rows =
        http.ok("/api/v1/reports/penetration-table?region=South%20East&period=2008-09").get("rows");

    assertThat(thisYear).hasSize(19);
    rows.forEach(
        row -> {
          String name = row.get("partnership").asText();
          assertThat(row.get("national_rank").asInt()).as(name).isEqualTo(thisYear.get(name));
          JsonNode previous = row.get("previous_national_rank");
          assertThat(previous.isNull() ? null : previous.asInt())
              .as(name)
              .isEqualTo(lastYear.get(name));
        });
  }

  @Test
  void the_penetration_table_pastes_as_csv_with_stable_columns() {
    String csv =
        http.get("/api/v1/reports/penetration-table?region=South%20East&period=2008-09&format=csv")
            .body();

    assertThat(csv.split("\r\n")[0])
        .isEqualTo(
            "rank,partnership,pdu_estimate,pdus_in_treatment,penetration_pct,previous_national_rank,national_rank");
    assertThat(csv.split("\r\n")[1]).startsWith("1,Oxfordshire,2660,1986,74.66");
  }

  @Test
  void the_national_top_10_by_effective_change_has_the_printed_counts_targets_and_changes()
      throws SQLException {
    List<Map<String, String>> golden = Golden.rows("national_top10_effective_change_2008_09.csv");
    Map<String, Integer> duckRank = duckRanks("effective_change", "change_pct", "2008-09", "DESC");
    JsonNode body = http.ok("/api/v1/reports/effective-change-top?period=2008-09&limit=10");
    JsonNode rows = body.get("rows");

    assertThat(rows).hasSize(10);
    assertThat(body.get("baseline").asText()).isEqualTo("2007-08");
    for (int i = 0; i < golden.size(); i++) {
      Map<String, String> printed = golden.get(i);
      JsonNode row = rows.get(i);
      String name = printed.get("partnership");
      assertThat(row.get("partnership").asText()).isEqualTo(name);
      assertThat(row.get("rank").asInt()).as(name).isEqualTo(duckRank.get(name));
      assertThat(row.get("baseline_count").asLong())
          .isEqualTo(Long.parseLong(printed.get("baseline_2007_08")));
      assertThat(row.get("count").asLong()).isEqualTo(Long.parseLong(printed.get("pdus_2008_09")));
      assertThat(row.get("change_target_pct").decimalValue())
          .as(name)
          .isEqualByComparingTo(printed.get("change_target_pct"));
      assertThat(
              BigDecimal.valueOf(row.get("actual_change_pct").asDouble())
                  .setScale(1, RoundingMode.HALF_UP))
          .as(name)
          .isEqualByComparingTo(printed.get("actual_change_pct"));
      // The golden README: all ten met their target.
      assertThat(row.get("target_met").asBoolean()).as(name).isTrue();
    }
  }

  @Test
  void a_baseline_other_than_the_year_before_has_no_data_here_and_says_which_years_do() {
    HttpResponse<String> response =
        http.get("/api/v1/reports/effective-change-top?period=2008-09&baseline=2006-07");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.json(response).get("error").get("valid"))
        .extracting(JsonNode::asText)
        .contains("2008-09");
  }
}
