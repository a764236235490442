package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.Golden;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;

/** Hampshire's prevalence table (seed 001, Fig. 1) reproduced from the sample extracts. */
class PrevalenceChangeTest {
  private static final Http http = SampleApi.http();

  @Test
  void hampshire_and_the_south_east_have_the_printed_estimates_changes_and_rates() {
    HttpResponse<String> response =
        http.get("/api/v1/prevalence-change?partnership=Hampshire&from=2007-08&to=2008-09");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode rows = Http.json(response).get("rows");
    List<Map<String, String>> golden = Golden.rows("hampshire_prevalence.csv");

    assertThat(rows).hasSize(golden.size());
    for (int i = 0; i < golden.size(); i++) {
      Map<String, String> printed = golden.get(i);
      JsonNode row = rows.get(i);
      String what = printed.get("area") + " " + printed.get("drug_group");
      assertThat(row.get("area").asText() + " " + row.get("drug_group").asText()).isEqualTo(what);
      assertThat(row.get("estimate_from").asLong())
          .isEqualTo(Long.parseLong(printed.get("estimate_2007_08")));
      assertThat(row.get("estimate_to").asLong())
          .isEqualTo(Long.parseLong(printed.get("estimate_2008_09")));
      assertThat(
              BigDecimal.valueOf(row.get("estimate_change_pct").asDouble())
                  .setScale(2, RoundingMode.HALF_UP))
          .as(what)
          .isEqualByComparingTo(printed.get("estimate_change_pct"));
      assertThat(row.get("rate_per_1000_from").asText())
          .isEqualTo(printed.get("rate_per_1000_2007_08"));
      String rateTo = printed.get("rate_per_1000_2008_09");
      assertThat(row.get("rate_per_1000_to").isNull()).as(what).isEqualTo(rateTo.isEmpty());
    }
  }

  @Test
  void from_must_come_before_to() {
    assertThat(
            http.get("/api/v1/prevalence-change?partnership=Hampshire&from=2008-09&to=2007-08")
                .body())
        .contains("\"parameter\":\"from\"");
  }
}
