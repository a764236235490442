package uk.dtw.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.ApiServer;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;

/**
 * GET /indicators/compare over the fake warehouse's indicator "deaths" (per 100,000, Byar, 2008):
 * Oxfordshire 10 and Kent 30 deaths per 100,000 population each; Surrey 12 [8, 16] and Gateshead 50
 * [37.1, 65.9] reported without counts; England reported as 20 [19, 21]; the South East aggregated
 * from Oxfordshire and Kent (no row of its own); no North East figure.
 */
class IndicatorComparisonTest {
  private static final double EPS = 1e-6;
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

  private static JsonNode row(JsonNode body, String partnership) {
    for (JsonNode r : body.get("rows")) {
      if (r.get("partnership").asText().equals(partnership)) {
        return r;
      }
    }
    throw new AssertionError("no row for " + partnership + ": " + body);
  }

  @Test
  void a_region_without_its_own_row_comes_aggregated_from_the_view_with_its_interval() {
    JsonNode body =
        http.ok(
            "/api/v1/indicators/compare?indicator=deaths&partnership=Oxfordshire,Kent&period=2008");
    JsonNode oxon = row(body, "Oxfordshire");

    // The fake's indicator_value gives the South East as indicator_figure aggregates it (the
    // arithmetic is checked on real tables in the warehouse's IndicatorValueViewTest):
    // (10 + 30) / (100,000 + 100,000) x 100,000 = 20; Surrey has no count so is not summed.
    // Byar for O = 40, k = 100,000 / 200,000 = 0.5:
    //   lower = 40 x (1 - 1/360 - 1.959964/(3 x 6.324555))^3 x 0.5 = 40 x 0.714333 x 0.5 = 14.2866
    //   upper = 41 x (1 - 1/369 + 1.959964/(3 x 6.403124))^3 x 0.5 = 41 x 1.328537 x 0.5 = 27.2350
    assertThat(oxon.get("region_value").asDouble()).isCloseTo(20.0, within(EPS));
    assertThat(oxon.get("region_lower_95").asDouble()).isCloseTo(14.2866, within(1e-4));
    assertThat(oxon.get("region_upper_95").asDouble()).isCloseTo(27.2350, within(1e-4));
    assertThat(oxon.get("region_basis").asText()).isEqualTo("aggregated");
    assertThat(oxon.get("region_partnerships_aggregated").asInt()).isEqualTo(2);
    assertThat(oxon.get("region_missing").isNull()).isTrue();
    // England as reported.
    assertThat(oxon.get("england_value").asDouble()).isEqualTo(20.0);
    assertThat(oxon.get("england_lower_95").asDouble()).isEqualTo(19.0);
    assertThat(oxon.get("england_basis").asText()).isEqualTo("reported");
    assertThat(oxon.get("england_partnerships_aggregated").isNull()).isTrue();
    // Oxfordshire's own, as indicator_value gives it.
    assertThat(oxon.get("value").asDouble()).isEqualTo(10.0);
    assertThat(oxon.get("lower_95").asDouble()).isCloseTo(4.7874, within(1e-4));
    assertThat(oxon.get("interval_source").asText()).isEqualTo("byar");
    assertThat(body.get("polarity").asText()).isEqualTo("low_is_good");
    assertThat(body.get("units").get("value").asText()).isEqualTo("per 100,000 population");
    assertThat(body.get("warehouse_version").asLong()).isEqualTo(FakeWarehouse.VERSION);
  }

  @Test
  void higher_similar_and_lower_by_overlap_of_the_intervals() {
    JsonNode body =
        http.ok(
            "/api/v1/indicators/compare?indicator=deaths&partnership=Oxfordshire"
                + "&partnership=Kent,Gateshead&period=2008");

    // Oxfordshire [4.79, 18.39]: overlaps South East [14.29, 27.24] -> similar; below England [19,
    // 21] -> lower.
    assertThat(row(body, "Oxfordshire").get("compared_with_region").asText()).isEqualTo("similar");
    assertThat(row(body, "Oxfordshire").get("compared_with_england").asText()).isEqualTo("lower");
    // Kent [20.24, 42.83] overlaps England [19, 21] -> similar.
    assertThat(row(body, "Kent").get("compared_with_england").asText()).isEqualTo("similar");
    // Gateshead [37.1, 65.9] is wholly above England [19, 21] -> higher (polarity does not change
    // the word).
    JsonNode gateshead = row(body, "Gateshead");
    assertThat(gateshead.get("compared_with_england").asText()).isEqualTo("higher");
    // North East: no row of its own, and neither Gateshead nor Newcastle has a count.
    assertThat(gateshead.get("region_value").isNull()).isTrue();
    assertThat(gateshead.get("region_partnerships_aggregated").asInt()).isEqualTo(0);
    assertThat(gateshead.get("region_missing").asText())
        .isEqualTo(
            "no figure reported for North East and no partnership in it has numerator and denominator");
    assertThat(gateshead.get("compared_with_region").asText()).isEqualTo("cannot be judged");
  }

  @Test
  void csv_gives_the_rows() {
    HttpResponse<String> response =
        http.get(
            "/api/v1/indicators/compare?indicator=deaths&partnership=Kent"
                + "&period=2008&format=csv");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("partnership,region,period,value,lower_95,upper_95,");
  }

  @Test
  void an_unknown_indicator_is_a_404_naming_it_and_listing_the_loaded_codes() {
    HttpResponse<String> response =
        http.get("/api/v1/indicators/compare?indicator=nope&partnership=Kent&period=2008");

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode error = Http.json(response).get("error");
    assertThat(error.get("parameter").asText()).isEqualTo("indicator");
    assertThat(error.get("valid")).extracting(JsonNode::asText).containsExactly("deaths");
  }

  @Test
  void a_period_without_figures_is_a_404_listing_those_with_figures() {
    HttpResponse<String> response =
        http.get("/api/v1/indicators/compare?indicator=deaths&partnership=Kent&period=2009");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.json(response).get("error").get("valid"))
        .extracting(JsonNode::asText)
        .containsExactly("2008");
  }

  @Test
  void missing_partnership_or_unknown_partnership() {
    assertThat(http.get("/api/v1/indicators/compare?indicator=deaths&period=2008").statusCode())
        .isEqualTo(400);
    assertThat(
            http.get("/api/v1/indicators/compare?indicator=deaths&partnership=Nowhere&period=2008")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void sample_hampshire_2008_has_no_region_or_england_figures_so_cannot_be_judged() {
    JsonNode body =
        SampleApi.http()
            .ok(
                "/api/v1/indicators/compare?indicator=drug_deaths_per_100k"
                    + "&partnership=Hampshire&period=2008");
    JsonNode hampshire = body.get("rows").get(0);

    assertThat(hampshire.get("value").asDouble()).isEqualTo(2.42);
    assertThat(hampshire.get("lower_95").asDouble()).isBetween(1.5656, 1.5658);
    // Hampshire reports a rate and a count but no denominator: nothing to sum, nothing reported.
    assertThat(hampshire.get("region_value").isNull()).isTrue();
    assertThat(hampshire.get("region_missing").asText())
        .isEqualTo(
            "no figure reported for South East"
                + " and no partnership in it has numerator and denominator");
    assertThat(hampshire.get("england_missing").asText())
        .isEqualTo(
            "no figure reported for England"
                + " and no partnership in it has numerator and denominator");
    assertThat(hampshire.get("compared_with_region").asText()).isEqualTo("cannot be judged");
    assertThat(hampshire.get("compared_with_england").asText()).isEqualTo("cannot be judged");
  }
}
