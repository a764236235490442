package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.Golden;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;

/**
 * The reports over the warehouse the real ETL builds from the sample extracts, against the plans'
 * figures.
 */
class SampleWarehouseApiTest {
  private static final Http http = SampleApi.http();

  @Test
  void south_east_penetration_2008_09_ranks_as_the_oxfordshire_plan_printed() {
    List<Map<String, String>> golden = Golden.rows("south_east_penetration_2008_09.csv");
    JsonNode body =
        http.ok("/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East");
    JsonNode rows = body.get("rows");

    assertThat(rows)
        .extracting(r -> r.get("partnership").asText())
        .containsExactlyElementsOf(golden.stream().map(g -> g.get("partnership")).toList());
    for (int i = 0; i < golden.size(); i++) {
      Map<String, String> printed = golden.get(i);
      JsonNode row = rows.get(i);
      assertThat(row.get("rank").asInt())
          .as(printed.get("partnership"))
          .isEqualTo(Integer.parseInt(printed.get("rank")));
      assertThat(row.get("pdu_estimate").asDouble())
          .isEqualTo(Double.parseDouble(printed.get("pdu_estimate")));
      assertThat(row.get("pdus_in_treatment").asDouble())
          .isEqualTo(Double.parseDouble(printed.get("pdus_in_treatment")));
      assertThat(row.get("value").asDouble())
          .as(printed.get("partnership"))
          .isCloseTo(Double.parseDouble(printed.get("penetration_pct")), within(0.1));
    }
    assertThat(body.get("ranked_of").asInt()).isEqualTo(19);
    assertThat(body.get("left_out")).isEmpty();
  }

  @Test
  void national_top_10_effective_change_2008_09_matches_the_plan_to_one_decimal() {
    List<Map<String, String>> golden = Golden.rows("national_top10_effective_change_2008_09.csv");
    JsonNode rows =
        http.ok("/api/v1/rankings?measure=effective_change&period=2008-09&limit=10").get("rows");

    assertThat(rows)
        .extracting(r -> r.get("partnership").asText())
        .containsExactlyElementsOf(golden.stream().map(g -> g.get("partnership")).toList());
    for (int i = 0; i < golden.size(); i++) {
      Map<String, String> printed = golden.get(i);
      JsonNode row = rows.get(i);
      assertThat(BigDecimal.valueOf(row.get("value").asDouble()).setScale(1, RoundingMode.HALF_UP))
          .as(printed.get("partnership"))
          .isEqualByComparingTo(printed.get("actual_change_pct"));
      assertThat(row.get("baseline_count").asLong())
          .isEqualTo(Long.parseLong(printed.get("baseline_2007_08")));
      assertThat(row.get("count").asLong()).isEqualTo(Long.parseLong(printed.get("pdus_2008_09")));
      assertThat(row.get("baseline_period").asText()).isEqualTo("2007-08");
    }
  }

  @Test
  void gateshead_funding_totals_show_the_printed_total_and_the_9419_gap_in_2008_09() {
    List<Map<String, String>> golden = Golden.rows("gateshead_funding_totals.csv");
    JsonNode totals = http.ok("/api/v1/funding?partnership=Gateshead").get("totals");

    assertThat(totals)
        .extracting(t -> t.get("period").asText())
        .containsExactlyElementsOf(golden.stream().map(g -> g.get("period")).toList());
    for (int i = 0; i < golden.size(); i++) {
      Map<String, String> printed = golden.get(i);
      JsonNode total = totals.get(i);
      assertThat(total.get("reported_total_gbp").decimalValue())
          .as(printed.get("period"))
          .isEqualByComparingTo(printed.get("reported_total_gbp"));
      assertThat(total.get("computed_total_gbp").decimalValue())
          .as(printed.get("period"))
          .isEqualByComparingTo(printed.get("sum_of_rows_gbp"));
      assertThat(total.get("difference_gbp").decimalValue())
          .as(printed.get("period"))
          .isEqualByComparingTo(printed.get("difference_gbp"));
    }
  }

  @Test
  void gateshead_funding_lines_are_the_printed_lines_without_the_total() {
    Map<String, String> printed =
        Golden.rows("gateshead_funding.csv").stream()
            .filter(g -> !g.get("source").equals("reported_total"))
            .collect(
                Collectors.toMap(
                    g -> g.get("period") + " " + g.get("source"), g -> g.get("amount_gbp")));
    JsonNode lines = http.ok("/api/v1/funding?partnership=gateshead").get("lines");

    Map<String, String> served = new java.util.HashMap<>();
    lines.forEach(
        l ->
            served.put(
                l.get("period").asText() + " " + l.get("source_code").asText(),
                l.get("amount_gbp").isNull()
                    ? ""
                    : l.get("amount_gbp").decimalValue().stripTrailingZeros().toPlainString()));
    assertThat(served).isEqualTo(printed);
  }

  @Test
  void every_answer_names_the_loaded_warehouse_version() {
    HttpResponse<String> health = http.get("/api/v1/health");
    long version = Http.json(health).get("warehouse_version").asLong();

    assertThat(version).isNotNegative();
    assertThat(health.headers().firstValue("X-Warehouse-Version")).contains(Long.toString(version));
    assertThat(
            http.get("/api/v1/rankings?measure=penetration&period=2008-09&format=csv")
                .headers()
                .firstValue("X-Warehouse-Version"))
        .contains(Long.toString(version));
  }

  @Test
  void a_report_asked_again_is_the_same_answer_in_its_own_format_whatever_the_parameter_order() {
    String json = "/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East";
    String reordered = "/api/v1/rankings?region=South%20East&period=2008-09&measure=penetration";
    HttpResponse<String> first = http.get(json);
    HttpResponse<String> again = http.get(reordered);
    HttpResponse<String> csv = http.get(json + "&format=csv");
    HttpResponse<String> csvAgain = http.get(reordered + "&format=csv");

    assertThat(Http.json(first).get("rows")).hasSizeGreaterThan(10);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("Content-Type"))
        .isEqualTo(first.headers().firstValue("Content-Type"));
    assertThat(csv.body()).startsWith("rank,").isEqualTo(csvAgain.body());
    assertThat(csvAgain.headers().firstValue("Content-Type").orElseThrow()).contains("text/csv");
  }

  @Test
  void as_of_answers_as_the_warehouse_stood_at_that_version_and_names_the_range_otherwise() {
    long latest = Http.json(http.get("/api/v1/health")).get("warehouse_version").asLong();
    String query = "/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East";

    JsonNode pinned = http.ok(query + "&as_of=" + latest);
    HttpResponse<String> future = http.get(query + "&as_of=" + (latest + 5));

    assertThat(pinned.get("warehouse_version").asLong()).isEqualTo(latest);
    assertThat(pinned.get("rows")).isEqualTo(http.ok(query).get("rows"));
    assertThat(future.statusCode()).isEqualTo(404);
    assertThat(Http.json(future).get("error").get("parameter").asText()).isEqualTo("as_of");
    assertThat(Http.json(future).get("error").get("message").asText())
        .endsWith("versions 0 to " + latest + " exist");
    // Version 0 is meta_load as created, before the load finished: no figures then, so no 2008-09
    // data
    // (and no regions either, so the national ranking is asked for).
    HttpResponse<String> before =
        http.get("/api/v1/rankings?measure=penetration&period=2008-09&as_of=0");
    assertThat(before.statusCode()).isEqualTo(404);
    assertThat(Http.json(before).get("error").get("parameter").asText()).isEqualTo("period");
    assertThat(before.headers().firstValue("X-Warehouse-Version")).contains("0");
  }

  @Test
  void ad_hoc_sql_reads_the_views() {
    HttpResponse<String> response =
        http.post(
            "/api/v1/sql",
            "{\"sql\":\"SELECT count(*) AS n FROM penetration WHERE region = 'South East'\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).get("rows").get(0).get(0).asInt()).isGreaterThanOrEqualTo(19);
  }
}
