package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;

/**
 * A loaded indicator ranks like any measure: the sample's Hampshire drug deaths, 2.42 per 100,000
 * in 2008 (seed 001, 3.5).
 */
class IndicatorRankingTest {
  private static final Http http = SampleApi.http();

  @Test
  void an_indicator_is_ranked_in_its_own_polarity_with_its_count_and_interval() {
    HttpResponse<String> response =
        http.get(
            "/api/v1/rankings?measure=indicator:drug_deaths_per_100k&period=2008"
                + "&region=South%20East");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Http.json(response);

    assertThat(body.get("polarity").asText()).isEqualTo("low_is_good");
    assertThat(body.get("units").get("value").asText()).isEqualTo("per 100,000 population");
    JsonNode hampshire = body.get("rows").get(0);
    assertThat(hampshire.get("partnership").asText()).isEqualTo("Hampshire");
    assertThat(hampshire.get("value").asDouble()).isEqualTo(2.42);
    assertThat(hampshire.get("numerator").asDouble()).isEqualTo(25.0);
    // Byar for 25 deaths, scaled to the reported 2.42: 2.42 x 16.1743 / 25 and 2.42 x 36.9065 / 25.
    assertThat(hampshire.get("lower_95").asDouble()).isBetween(1.5656, 1.5658);
    assertThat(hampshire.get("upper_95").asDouble()).isBetween(3.5724, 3.5726);
    assertThat(body.get("ranked_of").asInt()).isEqualTo(1);
    assertThat(body.get("left_out"))
        .extracting(r -> r.get("reason").asText())
        .containsOnly("missing figure");
  }

  @Test
  void an_unknown_indicator_is_a_400_listing_the_loaded_ones() {
    HttpResponse<String> response = http.get("/api/v1/rankings?measure=indicator:nope&period=2008");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("error").get("valid"))
        .extracting(JsonNode::asText)
        .containsExactly("indicator:drug_deaths_per_100k");
  }
}
