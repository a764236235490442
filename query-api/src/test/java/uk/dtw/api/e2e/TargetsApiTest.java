package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.Golden;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;

/**
 * Targets against actuals on the sample warehouse, checked against figures worked out by hand from
 * the Oxfordshire plan (004), its national top 10 table and Lancashire's targets (003).
 */
class TargetsApiTest {
  private static final Http http = SampleApi.http();

  private static JsonNode row(JsonNode rows, String measure, String period) {
    for (JsonNode r : rows) {
      if (r.get("measure").asText().equals(measure) && r.get("period").asText().equals(period)) {
        return r;
      }
    }
    throw new AssertionError("no " + measure + " " + period + " in " + rows);
  }

  @Test
  void oxfordshire_2008_09_effective_treatment_beat_its_target_by_301() {
    JsonNode r =
        row(
            http.ok("/api/v1/targets?partnership=Oxfordshire").get("rows"),
            "pdus_in_effective_treatment",
            "2008-09");

    assertThat(r.get("baseline_period").asText()).isEqualTo("2007-08");
    assertThat(r.get("baseline_value").asDouble()).isEqualTo(1_636.0);
    assertThat(r.get("target_value").asDouble()).isEqualTo(1_685.0);
    assertThat(r.get("actual_value").asDouble()).isEqualTo(1_986.0);
    assertThat(r.get("target_met").asBoolean()).isTrue();
    assertThat(r.get("gap").asDouble()).isEqualTo(301.0); // 1,986 - 1,685
    assertThat(r.get("actual_missing").isNull()).isTrue();
  }

  @Test
  void oxfordshire_later_years_have_no_actual_loaded_and_say_so() {
    JsonNode r =
        row(
            http.ok("/api/v1/targets?partnership=Oxfordshire").get("rows"),
            "pdus_in_effective_treatment",
            "2009-10");

    assertThat(r.get("target_value").asDouble()).isEqualTo(1_702.0);
    assertThat(r.get("actual_value").isNull()).isTrue();
    assertThat(r.get("target_met").isNull()).isTrue();
    assertThat(r.get("gap").isNull()).isTrue();
    assertThat(r.get("actual_missing").asText())
        .isEqualTo("no pdu in_effective_treatment loaded for 2009-10");
  }

  @Test
  void every_top_10_change_target_is_met_with_the_change_worked_from_the_2007_08_count() {
    for (Map<String, String> g : Golden.rows("national_top10_effective_change_2008_09.csv")) {
      String name = g.get("partnership").replace(" ", "%20");
      JsonNode r =
          row(
              http.ok(
                      "/api/v1/targets?partnership="
                          + name
                          + "&measure=pdus_in_effective_treatment_change_pct")
                  .get("rows"),
              "pdus_in_effective_treatment_change_pct",
              "2008-09");

      assertThat(r.get("target_value").asDouble())
          .as(name)
          .isEqualTo(Double.parseDouble(g.get("change_target_pct")));
      // the plan prints the change rounded to one decimal
      assertThat(r.get("actual_value").asDouble())
          .as(name)
          .isCloseTo(Double.parseDouble(g.get("actual_change_pct")), within(0.05));
      assertThat(r.get("target_met").asBoolean()).as(name).isTrue();
    }
  }

  @Test
  void suffolk_rose_27_96_percent_against_a_2_percent_target() {
    JsonNode r =
        row(
            http.ok("/api/v1/targets?partnership=Suffolk").get("rows"),
            "pdus_in_effective_treatment_change_pct",
            "2008-09");

    assertThat(r.get("baseline_period").asText()).isEqualTo("2007-08");
    assertThat(r.get("baseline_count").asDouble()).isEqualTo(887.0);
    assertThat(r.get("actual_value").asDouble())
        .isCloseTo(100.0 * (1_135 - 887) / 887, within(1e-9));
    assertThat(r.get("actual_value").asDouble()).isCloseTo(27.96, within(0.005));
    assertThat(r.get("gap").asDouble()).isCloseTo(100.0 * (1_135 - 887) / 887 - 2, within(1e-9));
    assertThat(r.get("target_met").asBoolean()).isTrue();
  }

  @Test
  void lancashire_targets_have_no_actuals_loaded_so_the_actual_is_null_with_the_reason() {
    JsonNode rows = http.ok("/api/v1/targets?partnership=Lancashire").get("rows");

    assertThat(rows).hasSize(6); // 3 target years for PDUs and for all adults
    for (JsonNode r : rows) {
      assertThat(r.get("actual_value").isNull()).isTrue();
      assertThat(r.get("target_met").isNull()).isTrue();
      assertThat(r.get("actual_missing").asText())
          .startsWith("no ")
          .contains("in_effective_treatment loaded for");
    }
    JsonNode adults = row(rows, "all_adults_in_effective_treatment", "2008-09");
    assertThat(adults.get("baseline_value").asDouble()).isEqualTo(4_354.0);
    assertThat(adults.get("target_value").asDouble()).isEqualTo(4_441.0);
    assertThat(adults.get("actual_missing").asText())
        .isEqualTo("no all_adults in_effective_treatment loaded for 2008-09");
  }

  @Test
  void an_unknown_measure_is_a_400_listing_the_target_measures() {
    HttpResponse<String> response =
        http.get("/api/v1/targets?partnership=Oxfordshire&measure=happiness");
    JsonNode error = Http.json(response).get("error");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error.get("parameter").asText()).isEqualTo("measure");
    assertThat(error.get("valid"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "all_adults_in_effective_treatment",
            "pdus_in_effective_treatment",
            "pdus_in_effective_treatment_change_pct");
  }

  @Test
  void a_missing_partnership_is_a_400_and_an_unknown_one_a_404() {
    assertThat(http.get("/api/v1/targets").statusCode()).isEqualTo(400);
    HttpResponse<String> unknown = http.get("/api/v1/targets?partnership=Oxfordshir");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Http.json(unknown).get("error").get("closest").get(0).asText())
        .isEqualTo("Oxfordshire");
  }
}
