package uk.dtw.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.ApiServer;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.api.support.Http;

class RankingsApiTest {
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

  private static JsonNode ok(String query) {
    HttpResponse<String> response = http.get("/api/v1/rankings?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  @Test
  void a_region_is_ranked_high_to_low_with_ties_sharing_a_rank() {
    JsonNode body = ok("measure=penetration&period=2008-09&region=South%20East");

    assertThat(body.get("rows"))
        .extracting(
            r -> r.get("rank").asInt(),
            r -> r.get("partnership").asText(),
            r -> r.get("value").asDouble())
        .containsExactly(
            tuple(1, "Oxfordshire", 50.0),
            tuple(2, "Kent", 40.0),
            tuple(2, "Surrey", 40.0),
            tuple(4, "Medway", 30.0));
    assertThat(body.get("ranked_of").asInt()).isEqualTo(4);
    assertThat(body.get("units").get("value").asText()).isEqualTo("percent");
    assertThat(body.get("warehouse_version").asLong()).isEqualTo(FakeWarehouse.VERSION);
  }

  @Test
  void rows_carry_the_inputs_and_the_national_rank() {
    JsonNode first =
        ok("measure=penetration&period=2008-09&region=South%20East").get("rows").get(0);

    assertThat(first.get("region").asText()).isEqualTo("South East");
    assertThat(first.get("pdu_estimate").asDouble()).isEqualTo(2000.0);
    assertThat(first.get("pdus_in_treatment").asDouble()).isEqualTo(1000.0);
    assertThat(first.get("national_rank").asInt()).isEqualTo(2); // Gateshead (North East) is first
  }

  @Test
  void partnerships_without_a_figure_are_left_out_saying_what_is_missing() {
    JsonNode national = ok("measure=penetration&period=2008-09");

    assertThat(national.get("left_out"))
        .extracting(r -> r.get("partnership").asText(), r -> r.get("reason").asText())
        .containsExactlyInAnyOrder(
            tuple("Slough", "missing pdu_estimate"),
            tuple("Newcastle", "missing pdus_in_treatment"));
    assertThat(national.get("ranked_of").asInt()).isEqualTo(5);
  }

  @Test
  void the_region_filter_ignores_case_and_limits_left_out_too() {
    JsonNode body = ok("measure=penetration&period=2008/09&region=south%20EAST");

    assertThat(body.get("region").asText()).isEqualTo("South East");
    assertThat(body.get("period").asText()).isEqualTo("2008-09");
    assertThat(body.get("left_out"))
        .extracting(r -> r.get("partnership").asText())
        .containsExactly("Slough");
  }

  @Test
  void limit_keeps_the_top_rows_but_counts_all_ranked() {
    JsonNode body = ok("measure=penetration&period=2008-09&limit=2");

    assertThat(body.get("rows"))
        .extracting(r -> r.get("partnership").asText())
        .containsExactly("Gateshead", "Oxfordshire");
    assertThat(body.get("ranked_of").asInt()).isEqualTo(5);
  }

  @Test
  void effective_change_ranks_the_change_with_both_counts() {
    JsonNode body = ok("measure=effective_change&period=2009-10");

    assertThat(body.get("rows"))
        .extracting(
            r -> r.get("rank").asInt(),
            r -> r.get("partnership").asText(),
            r -> r.get("value").asDouble(),
            r -> r.get("baseline_count").asLong(),
            r -> r.get("count").asLong())
        .containsExactly(
            tuple(1, "Kent", 50.0, 100L, 150L),
            tuple(2, "Oxfordshire", 10.0, 100L, 110L),
            tuple(3, "Surrey", -10.0, 100L, 90L));
    assertThat(body.get("rows").get(0).get("baseline_period").asText()).isEqualTo("2008-09");
    assertThat(body.get("baseline").asText()).isEqualTo("2008-09");
    assertThat(body.get("left_out"))
        .extracting(r -> r.get("partnership").asText(), r -> r.get("reason").asText())
        .containsExactlyInAnyOrder(
            tuple("Medway", "baseline_pdus_in_effective_treatment is 0"),
            tuple("Gateshead", "missing pdus_in_effective_treatment"));
  }

  @Test
  void csv_gives_the_ranked_rows_with_a_header_and_the_version_header() {
    HttpResponse<String> response =
        http.get(
            "/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East&format=csv");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(response.headers().firstValue("X-Warehouse-Version")).contains("7");
    assertThat(response.body().split("\r\n"))
        .containsExactly(
            "rank,national_rank,partnership,region,value,pdu_estimate,pdus_in_treatment,"
                + "previous_rank,previous_national_rank,movement",
            "1,2,Oxfordshire,South East,50,2000,1000,,,",
            "2,3,Kent,South East,40,4000,1600,,,",
            "2,3,Surrey,South East,40,1000,400,,,",
            "4,5,Medway,South East,30,1000,300,,,");
  }

  @Test
  void csv_can_give_the_left_out_table_instead() {
    HttpResponse<String> response =
        http.get("/api/v1/rankings?measure=penetration&period=2008-09&format=csv&table=left_out");

    assertThat(response.body())
        .startsWith("partnership,reason\r\n")
        .contains("Slough,missing pdu_estimate");
  }

  @Test
  void rows_carry_the_previous_periods_ranks_and_the_movement() {
    // 2009-10 has Oxfordshire alone (55%); in 2008-09 it was 1st in the South East and 2nd
    // nationally.
    JsonNode body = ok("measure=penetration&period=2009-10&region=South%20East");

    assertThat(body.get("previous_period").asText()).isEqualTo("2008-09");
    assertThat(body.get("rows"))
        .extracting(
            r -> r.get("partnership").asText(),
            r -> r.get("rank").asInt(),
            r -> r.get("previous_rank").asInt(),
            r -> r.get("previous_national_rank").asInt(),
            r -> r.get("movement").asInt())
        .containsExactly(tuple("Oxfordshire", 1, 1, 2, 0));
    assertThat(body.get("previous_ranked_of").asInt()).isEqualTo(4);
  }

  @Test
  void a_baseline_is_only_taken_by_a_change_measure_and_must_come_before_the_period() {
    assertThat(
            http.get("/api/v1/rankings?measure=penetration&period=2008-09&baseline=2007-08").body())
        .contains("\"parameter\":\"baseline\"");
    HttpResponse<String> late =
        http.get("/api/v1/rankings?measure=effective_change&period=2009-10&baseline=2009-10");
    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(Http.json(late).get("error").get("hint").asText())
        .contains("before the period 2009-10");
  }

  @Test
  void a_measure_where_low_is_good_ranks_the_lowest_first() {
    JsonNode body = ok("measure=prevalence_rate&period=2008-09");

    assertThat(body.get("polarity").asText()).isEqualTo("low_is_good");
    assertThat(body.get("rows"))
        .extracting(r -> r.get("rank").asInt(), r -> r.get("partnership").asText())
        .containsExactly(
            tuple(1, "Gateshead"), tuple(2, "Kent"), tuple(2, "Surrey"), tuple(4, "Oxfordshire"));
    assertThat(body.get("left_out"))
        .extracting(r -> r.get("reason").asText())
        .containsExactly("missing rate_per_1000");
  }
}
