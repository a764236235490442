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

class FundingApiTest {
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

  @Test
  void lines_come_by_period_then_source_order_with_notes_and_missing_amounts_kept() {
    JsonNode body = Http.json(http.get("/api/v1/funding?partnership=gateshead"));

    assertThat(body.get("partnership").asText()).isEqualTo("Gateshead");
    assertThat(body.get("lines"))
        .extracting(l -> l.get("period").asText(), l -> l.get("source_code").asText())
        .containsExactly(tuple("2008-09", "PTB"), tuple("2008-09", "DIP"), tuple("2009-10", "PTB"));
    JsonNode dip = body.get("lines").get(1);
    assertThat(dip.get("amount_gbp").isNull()).isTrue();
    assertThat(dip.get("note").asText()).startsWith("Amalgamated with DIP main grant");
    assertThat(dip.get("amalgamated_into").asText()).isEqualTo("DIP main grant");
  }

  @Test
  void totals_show_the_reported_figure_beside_the_computed_one_and_their_difference() {
    JsonNode totals = Http.json(http.get("/api/v1/funding?partnership=Gateshead")).get("totals");

    assertThat(totals)
        .extracting(
            t -> t.get("period").asText(),
            t -> t.get("computed_total_gbp").decimalValue().intValue(),
            t -> t.get("reported_total_gbp").decimalValue().intValue(),
            t -> t.get("difference_gbp").decimalValue().intValue())
        .containsExactly(
            tuple("2008-09", 1_000_000, 1_009_419, 9_419),
            tuple("2009-10", 1_200_000, 1_200_000, 0));
    assertThat(totals.get(1).get("change_pct").asDouble()).isEqualTo(20.0);
    assertThat(totals)
        .extracting(t -> t.get("total_matches").asBoolean())
        .containsExactly(false, true);
  }

  @Test
  void an_ampersand_in_the_name_matches_and() {
    HttpResponse<String> response = http.get("/api/v1/funding?partnership=Brighton%20and%20hove");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response).get("partnership").asText()).isEqualTo("Brighton & Hove");
  }

  @Test
  void an_unknown_partnership_is_a_404_offering_the_closest_names() {
    HttpResponse<String> response = http.get("/api/v1/funding?partnership=Gatesheed");
    JsonNode error = Http.json(response).get("error");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(error.get("parameter").asText()).isEqualTo("partnership");
    assertThat(error.get("closest")).hasSize(3);
    assertThat(error.get("closest").get(0).asText()).isEqualTo("Gateshead");
  }

  @Test
  void a_partnership_with_scope_england_is_a_400_naming_the_parameters() {
    HttpResponse<String> response = http.get("/api/v1/funding?partnership=Gateshead&scope=england");
    JsonNode error = Http.json(response).get("error");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error.get("parameters"))
        .extracting(JsonNode::asText)
        .containsExactly("partnership", "region", "scope");
  }

  @Test
  void a_missing_partnership_is_a_400() {
    HttpResponse<String> response = http.get("/api/v1/funding");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("error").get("parameter").asText()).isEqualTo("partnership");
  }

  @Test
  void csv_gives_the_lines_by_default_and_the_totals_on_request() {
    String lines = http.get("/api/v1/funding?partnership=Gateshead&format=csv").body();
    String totals =
        http.get("/api/v1/funding?partnership=Gateshead&format=csv&table=totals").body();

    assertThat(lines.split("\r\n")[0])
        .isEqualTo(
            "period,source_code,source_name,amount_gbp,note,amalgamated_into,share_pct,partnerships_contributing");
    assertThat(lines)
        .contains(
            "2008-09,DIP,DIP main grant,,\"Amalgamated with DIP main grant, \"\"see note\"\"\",DIP main grant,,0");
    String[] totalRows = totals.split("\r\n");
    assertThat(totalRows[0])
        .isEqualTo(
            "period,computed_total_gbp,reported_total_gbp,difference_gbp,change_pct,"
                + "total_matches,partnerships_contributing,pdu_estimate,pdus_in_treatment,pdus_in_effective_treatment,"
                + "gbp_per_pdu_estimated,gbp_per_pdu_in_treatment,gbp_per_pdu_in_effective_treatment,per_pdu_missing");
    assertThat(totalRows).hasSize(3);
    assertThat(totalRows[1]).startsWith("2008-09,1000000.00,1009419.00,9419.00,,false,1,");
    assertThat(totalRows[2]).startsWith("2009-10,1200000.00,1200000.00,0.00,20,true,1,");
  }
}
