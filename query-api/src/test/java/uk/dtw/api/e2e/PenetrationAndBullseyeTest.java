package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.Golden;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;

/**
 * Penetration comparisons and the Bull's eye over the sample, against figures worked out by hand
 * from the plans.
 */
class PenetrationAndBullseyeTest {
  private static final Http http = SampleApi.http();

  @Test
  void portsmouths_penetration_has_the_interval_its_estimates_bounds_imply() {
    JsonNode row =
        http.ok("/api/v1/penetration?partnership=Portsmouth&period=2008-09").get("rows").get(0);

    // 680 in treatment; estimate 1,254 (1,157-1,384): 680/1254, 680/1384, 680/1157.
    assertThat(row.get("penetration_pct").asDouble()).isCloseTo(54.2265, within(1e-4));
    assertThat(row.get("penetration_lower_95").asDouble()).isCloseTo(49.1329, within(1e-4));
    assertThat(row.get("penetration_upper_95").asDouble()).isCloseTo(58.7727, within(1e-4));
    // The South East is summed from the 19 partnerships with both figures: 16,440 / 31,566.
    assertThat(row.get("region_basis").asText()).isEqualTo("aggregated");
    assertThat(row.get("region_partnerships_aggregated").asInt()).isEqualTo(19);
    assertThat(row.get("region_penetration_pct").asDouble())
        .isCloseTo(100.0 * 16440 / 31566, within(1e-9));
    // Only Portsmouth has an interval, so the sums have none and nothing can be judged.
    assertThat(row.get("region_penetration_lower_95").isNull()).isTrue();
    assertThat(row.get("compared_with_region").asText()).isEqualTo("cannot be judged");
    assertThat(row.get("compared_with_england").asText()).isEqualTo("cannot be judged");
  }

  @Test
  void several_partnerships_and_periods_come_side_by_side() {
    JsonNode rows =
        http.ok(
                "/api/v1/penetration?partnership=Portsmouth,Kent&partnership=hampshire&period=2008-09")
            .get("rows");

    assertThat(rows)
        .extracting(r -> r.get("partnership").asText())
        .containsExactly("Portsmouth", "Kent", "Hampshire");
    assertThat(rows.get(1).get("penetration_pct").asDouble())
        .isCloseTo(100.0 * 2479 / 4606, within(1e-9));
  }

  @Test
  void an_unknown_partnership_or_drug_group_names_the_parameter() {
    assertThat(http.get("/api/v1/penetration?partnership=Portsmuth&period=2008-09").body())
        .contains("\"parameter\":\"partnership\"")
        .contains("Portsmouth");
    assertThat(
            http.get("/api/v1/penetration?partnership=Kent&period=2008-09&drug_group=crack")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void hampshires_bulls_eye_rings_are_the_printed_counts_and_shares_and_add_up() {
    List<Map<String, String>> golden = Golden.rows("hampshire_bullseye_2009_03_31.csv");
    JsonNode rings = http.ok("/api/v1/bullseye?partnership=Hampshire").get("rings");

    assertThat(rings).hasSize(4);
    for (Map<String, String> printed : golden) {
      JsonNode ring = null;
      for (JsonNode r : rings) {
        if (r.get("drug_group").asText().equals(printed.get("drug_group"))) {
          ring = r;
        }
      }
      assertThat(ring).as(printed.get("drug_group")).isNotNull();
      assertThat(ring.get("adds_up").asBoolean()).isTrue();
      for (String name :
          List.of(
              "in_treatment", "treated_last_12_months", "known_to_treatment", "treatment_naive")) {
        assertThat(ring.get(name).asLong()).isEqualTo(Long.parseLong(printed.get(name)));
        assertThat(
                BigDecimal.valueOf(ring.get(name + "_pct").asDouble())
                    .setScale(1, RoundingMode.HALF_UP))
            .as(printed.get("drug_group") + " " + name)
            .isEqualByComparingTo(printed.get(name + "_pct"));
      }
    }
  }
}
