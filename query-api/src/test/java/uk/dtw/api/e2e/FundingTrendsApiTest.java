package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Funding trends on the sample warehouse: Gateshead's figures against sums, shares and growth
 * worked out by hand from the golden funding profile, and a region's and England's sums against
 * DuckDB summing the raw funding lines itself (not through the trends views).
 */
class FundingTrendsApiTest {
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

  private static JsonNode row(JsonNode table, String period) {
    for (JsonNode r : table) {
      if (r.get("period").asText().equals(period)) {
        return r;
      }
    }
    throw new AssertionError("no row for " + period + " in " + table);
  }

  @Test
  void gateshead_totals_match_the_hand_sums_and_flag_the_2008_09_difference() {
    JsonNode totals = http.ok("/api/v1/funding?partnership=Gateshead").get("totals");

    for (Map<String, String> g : Golden.rows("gateshead_funding_totals.csv")) {
      JsonNode t = row(totals, g.get("period"));
      assertThat(t.get("computed_total_gbp").asDouble())
          .isEqualTo(Double.parseDouble(g.get("sum_of_rows_gbp")));
      assertThat(t.get("reported_total_gbp").asDouble())
          .isEqualTo(Double.parseDouble(g.get("reported_total_gbp")));
      assertThat(t.get("difference_gbp").asDouble())
          .isEqualTo(Double.parseDouble(g.get("difference_gbp")));
      assertThat(t.get("total_matches").asBoolean()).isEqualTo(g.get("difference_gbp").equals("0"));
      assertThat(t.get("partnerships_contributing").asInt()).isEqualTo(1);
    }
    assertThat(row(totals, "2008-09").get("difference_gbp").asDouble()).isEqualTo(9_419.0);
    // (3,600,788 - 3,710,892) / 3,710,892 = -2.967%
    assertThat(row(totals, "2008-09").get("change_pct").asDouble())
        .isCloseTo(100.0 * (3_600_788 - 3_710_892) / 3_710_892, within(1e-9));
  }

  @Test
  void growth_is_the_compound_annual_rate_from_the_first_to_the_last_computed_total() {
    JsonNode growths = http.ok("/api/v1/funding?partnership=Gateshead").get("growth");
    assertThat(growths).hasSize(1);
    JsonNode growth = growths.get(0);

    assertThat(growth.get("first_period").asText()).isEqualTo("2006-07");
    assertThat(growth.get("last_period").asText()).isEqualTo("2010-11");
    assertThat(growth.get("years").asInt()).isEqualTo(4);
    // (3,757,496 / 3,201,613)^(1/4) - 1 = 4.084% a year (4.0836)
    assertThat(growth.get("cagr_pct").asDouble())
        .isCloseTo(100.0 * (Math.pow(3_757_496.0 / 3_201_613.0, 0.25) - 1), within(1e-9))
        .isCloseTo(4.0836, within(0.0001));
  }

  @Test
  void shares_of_a_year_are_each_line_over_the_computed_total_and_add_up_to_100() {
    JsonNode lines = http.ok("/api/v1/funding?partnership=Gateshead").get("lines");
    double sum = 0;
    for (JsonNode l : lines) {
      if (l.get("period").asText().equals("2008-09") && !l.get("share_pct").isNull()) {
        sum += l.get("share_pct").asDouble();
      }
    }
    JsonNode ptb = null;
    for (JsonNode l : lines) {
      if (l.get("period").asText().equals("2008-09")
          && l.get("source_code").asText().equals("pooled_treatment_budget")) {
        ptb = l;
      }
    }
    assertThat(ptb).isNotNull();
    // 1,680,054 / 3,600,788 = 46.658%
    assertThat(ptb.get("share_pct").asDouble())
        .isCloseTo(100.0 * 1_680_054 / 3_600_788, within(1e-9));
    assertThat(sum).isCloseTo(100.0, within(1e-9));
  }

  @Test
  void amalgamated_lines_keep_their_note_and_a_null_amount_never_zero() {
    JsonNode lines = http.ok("/api/v1/funding?partnership=Gateshead").get("lines");
    int amalgamated = 0;
    for (JsonNode l : lines) {
      if (!l.get("note").isNull()) {
        amalgamated++;
        assertThat(l.get("amount_gbp").isNull()).isTrue();
        assertThat(l.get("share_pct").isNull()).isTrue();
        assertThat(l.get("note").asText()).isEqualTo("Amalgamated with DIP main grant");
        assertThat(l.get("amalgamated_into").asText()).isEqualTo("DIP main grant");
      }
    }
    assertThat(amalgamated)
        .isEqualTo(9); // arrest referral in all 5 years, Tough Choices from 2007-08
  }

  @Test
  void spend_per_pdu_uses_the_same_years_counts_and_says_why_it_is_missing() {
    JsonNode totals = http.ok("/api/v1/funding?partnership=Gateshead").get("totals");
    JsonNode y0809 = row(totals, "2008-09");
    JsonNode y0708 = row(totals, "2007-08");

    // 2008-09: estimate 1,169 and 1,091 in effective treatment (002); no in-treatment count in the
    // sample
    assertThat(y0809.get("gbp_per_pdu_estimated").asDouble())
        .isCloseTo(3_600_788.0 / 1_169, within(1e-6));
    assertThat(y0809.get("gbp_per_pdu_in_effective_treatment").asDouble())
        .isCloseTo(3_600_788.0 / 1_091, within(1e-6));
    assertThat(y0809.get("gbp_per_pdu_in_treatment").isNull()).isTrue();
    assertThat(y0809.get("per_pdu_missing").asText())
        .isEqualTo("gbp_per_pdu_in_treatment: no pdus_in_treatment loaded for the period");
    // 2007-08: 1,118 in effective treatment, no estimate
    assertThat(y0708.get("gbp_per_pdu_in_effective_treatment").asDouble())
        .isCloseTo(3_710_892.0 / 1_118, within(1e-6));
    assertThat(y0708.get("gbp_per_pdu_estimated").isNull()).isTrue();
    assertThat(y0708.get("per_pdu_missing").asText())
        .contains("gbp_per_pdu_estimated: no pdu_estimate loaded");
  }

  /**
   * Period to {total, partnerships} summed by DuckDB straight from the funding lines and
   * partnership regions.
   */
  private static Map<String, double[]> duckSums(String regionFilter) throws SQLException {
    String sql =
        "SELECT f.financial_year, SUM(f.amount_gbp), COUNT(DISTINCT f.area_code) FROM funding f"
            + " JOIN partnership p ON p.area_code = f.area_code"
            + regionFilter
            + " GROUP BY f.financial_year";
    Map<String, double[]> sums = new HashMap<>();
    try (Statement s = duck.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        sums.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getInt(3)});
      }
    }
    return sums;
  }

  @Test
  void a_region_and_england_are_the_sums_over_their_partnerships_as_duckdb_sums_them()
      throws SQLException {
    for (String[] scope :
        List.of(
            new String[] {"region=north%20east", " WHERE p.region = 'North East'"},
            new String[] {"scope=england", ""})) {
      JsonNode body = http.ok("/api/v1/funding?" + scope[0]);
      Map<String, double[]> expected = duckSums(scope[1]);

      assertThat(expected).isNotEmpty();
      assertThat(body.get("totals")).hasSize(expected.size());
      for (JsonNode t : body.get("totals")) {
        double[] e = expected.get(t.get("period").asText());
        assertThat(t.get("computed_total_gbp").asDouble())
            .as(scope[0])
            .isCloseTo(e[0], within(0.005));
        assertThat(t.get("partnerships_contributing").asInt()).as(scope[0]).isEqualTo((int) e[1]);
      }
    }
    assertThat(http.ok("/api/v1/funding?region=North%20East").get("region").asText())
        .isEqualTo("North East");
    assertThat(http.ok("/api/v1/funding?scope=england").get("scope").asText()).isEqualTo("england");
  }

  @Test
  void an_unknown_region_is_a_400_listing_the_regions() {
    HttpResponse<String> response = http.get("/api/v1/funding?region=Atlantis");
    JsonNode error = Http.json(response).get("error");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error.get("parameter").asText()).isEqualTo("region");
    assertThat(error.get("valid").toString()).contains("North East", "South East");
  }

  @Test
  void a_partnership_and_a_region_together_are_a_400_naming_both() {
    HttpResponse<String> response =
        http.get("/api/v1/funding?partnership=Gateshead&region=North%20East");
    JsonNode error = Http.json(response).get("error");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error.get("message").asText()).contains("partnership", "region");
    assertThat(error.get("parameters").toString()).contains("partnership", "region");
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  void a_scope_other_than_england_is_a_400_naming_scope() {
    HttpResponse<String> response = http.get("/api/v1/funding?scope=wales");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("error").get("parameter").asText()).isEqualTo("scope");
  }
}
