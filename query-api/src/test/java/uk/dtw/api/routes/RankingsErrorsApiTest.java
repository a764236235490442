package uk.dtw.api.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.ApiServer;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.api.support.Http;

class RankingsErrorsApiTest {
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

  private static JsonNode error(String query, int status) {
    HttpResponse<String> response = http.get("/api/v1/rankings?" + query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("X-Warehouse-Version")).contains("7");
    JsonNode body = Http.json(response);
    assertThat(body.get("warehouse_version").asLong()).isEqualTo(7);
    return body.get("error");
  }

  @Test
  void an_unknown_measure_is_a_400_naming_measure_and_the_choices() {
    JsonNode error = error("measure=bogus&period=2008-09", 400);

    assertThat(error.get("parameter").asText()).isEqualTo("measure");
    assertThat(error.get("message").asText()).contains("expected one of penetration, ");
    assertThat(error.get("valid"))
        .extracting(JsonNode::asText)
        .contains(
            "effective_change", "prevalence_rate", "funding_per_pdu_estimated", "indicator:<code>");
  }

  @Test
  void a_missing_or_unreadable_period_is_a_400_naming_period() {
    assertThat(error("measure=penetration", 400).get("parameter").asText()).isEqualTo("period");
    assertThat(error("measure=penetration&period=soon", 400).get("parameter").asText())
        .isEqualTo("period");
  }

  @Test
  void a_period_without_data_is_a_404_listing_the_periods_that_have_data() {
    JsonNode error = error("measure=penetration&period=2015-16", 404);

    assertThat(error.get("parameter").asText()).isEqualTo("period");
    assertThat(error.get("valid"))
        .extracting(JsonNode::asText)
        .containsExactly("2008-09", "2009-10");
  }

  @Test
  void an_unknown_region_is_a_400_listing_the_regions() {
    JsonNode error = error("measure=penetration&period=2008-09&region=Narnia", 400);

    assertThat(error.get("parameter").asText()).isEqualTo("region");
    assertThat(error.get("valid"))
        .extracting(JsonNode::asText)
        .containsExactly("North East", "South East");
  }

  @Test
  void a_bad_limit_is_a_400_naming_limit() {
    assertThat(error("measure=penetration&period=2008-09&limit=0", 400).get("parameter").asText())
        .isEqualTo("limit");
    assertThat(error("measure=penetration&period=2008-09&limit=ten", 400).get("parameter").asText())
        .isEqualTo("limit");
  }

  @Test
  void an_unknown_format_or_table_is_a_400_naming_it() {
    assertThat(
            error("measure=penetration&period=2008-09&format=xml", 400).get("parameter").asText())
        .isEqualTo("format");
    assertThat(
            error("measure=penetration&period=2008-09&format=csv&table=nope", 400)
                .get("parameter")
                .asText())
        .isEqualTo("table");
  }

  @Test
  void an_unknown_path_is_a_json_404() {
    JsonNode body = Http.json(http.get("/api/v1/nowhere"));

    assertThat(body.get("error").get("status").asInt()).isEqualTo(404);
    assertThat(body.get("error").get("message").asText()).contains("/api/v1/nowhere");
  }

  @Test
  void health_says_ok_and_which_version() {
    HttpResponse<String> response = http.get("/api/v1/health");
    JsonNode body = Http.json(response);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body.get("status").asText()).isEqualTo("ok");
    assertThat(body.get("warehouse_version").asLong()).isEqualTo(7);
  }
}
