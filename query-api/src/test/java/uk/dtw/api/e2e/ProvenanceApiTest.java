package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.Golden;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;
import uk.dtw.api.support.SampleFiles;

/**
 * Where a figure came from, what can be chosen, and what SQL can read, on the sample warehouse: the
 * rows named are found in the sample extract files themselves, the figures in the golden tables.
 */
class ProvenanceApiTest {
  private static final Http http = SampleApi.http();

  @Test
  void a_printed_total_leads_to_its_extract_row_as_read() {
    int row = SampleFiles.rowOf("gateshead/funding_gateshead.csv", "2008/09", "Reported total");
    JsonNode p =
        http.ok(
            "/api/v1/provenance?partnership=Gateshead&period=2008/09&figure=reported_total_gbp");
    assertThat(p.get("made_of").toString()).isEqualTo("[\"funding:reported_total\"]");
    JsonNode source = p.get("sources").get(0);
    assertThat(p.get("sources")).hasSize(1);
    assertThat(source.get("source_file").asText()).isEqualTo("gateshead/funding_gateshead.csv");
    assertThat(source.get("source_row").asInt()).isEqualTo(row);
    assertThat(source.get("figure").asDouble()).isEqualTo(3_610_207);
    assertThat(source.get("record").asText()).contains("£3,610,207");
    assertThat(source.get("loaded_at").isNull()).isFalse();
    assertThat(source.get("replaced").isNull()).isTrue();
    // The load's finding about that row: the printed total differs from the sum of the lines.
    assertThat(source.get("findings")).hasSize(1);
    assertThat(source.get("findings").get(0).get("rule").asText())
        .isEqualTo("funding_total_differs");
    String difference =
        Golden.rows("gateshead_funding_totals.csv").stream()
            .filter(r -> r.get("period").equals("2008-09"))
            .findFirst()
            .orElseThrow()
            .get("difference_gbp");
    assertThat(source.get("findings").get(0).get("message").asText())
        .contains(
            java.text.NumberFormat.getIntegerInstance(java.util.Locale.UK)
                .format(Long.parseLong(difference)));
  }

  @Test
  void a_computed_total_is_made_of_every_line_but_the_printed_total() {
    Map<String, String> golden =
        Golden.rows("gateshead_funding_totals.csv").stream()
            .filter(r -> r.get("period").equals("2008-09"))
            .findFirst()
            .orElseThrow();
    JsonNode p =
        http.ok(
            "/api/v1/provenance?partnership=Gateshead&period=2008-09&figure=computed_total_gbp");
    double sum = 0;
    for (JsonNode s : p.get("sources")) {
      assertThat(s.get("figure_key").asText())
          .startsWith("funding:")
          .isNotEqualTo("funding:reported_total");
      sum += s.get("figure").asDouble(0);
    }
    assertThat(sum).isEqualTo(Double.parseDouble(golden.get("sum_of_rows_gbp")));
  }

  @Test
  void penetration_is_made_of_the_count_in_treatment_and_the_estimate() {
    Map<String, String> oxfordshire =
        Golden.rows("south_east_penetration_2008_09.csv").stream()
            .filter(r -> r.get("partnership").equals("Oxfordshire"))
            .findFirst()
            .orElseThrow();
    JsonNode p =
        http.ok("/api/v1/provenance?partnership=Oxfordshire&period=2008-09&figure=penetration");
    List<String> found = new ArrayList<>();
    for (JsonNode s : p.get("sources")) {
      // An admin reads the figures as loaded; the public role's provenance withholds record-level
      // values (docs/disclosure.md), which SmallCountsLeakTest checks.
      found.add(s.get("figure_key").asText() + "=" + Math.round(s.get("figure").asDouble()));
      assertThat(s.get("source_file").asText()).isNotBlank();
      assertThat(s.get("source_row").asInt()).isGreaterThan(1);
    }
    assertThat(found)
        .containsExactlyInAnyOrder(
            "treatment:pdu:in_treatment=" + oxfordshire.get("pdus_in_treatment"),
            "prevalence:pdu:estimate=" + oxfordshire.get("pdu_estimate"));
  }

  @Test
  void an_unknown_figure_is_a_400_listing_the_figures() {
    HttpResponse<String> r =
        http.get("/api/v1/provenance?partnership=Gateshead&period=2008-09&figure=nonsense");
    assertThat(r.statusCode()).isEqualTo(400);
    JsonNode error = Http.json(r).get("error");
    assertThat(error.get("parameter").asText()).isEqualTo("figure");
    assertThat(error.get("valid").toString()).contains("pdus_in_treatment").contains("penetration");
  }

  @Test
  void choices_offer_the_plans_partnerships_and_englands_nine_regions() {
    JsonNode c = http.ok("/api/v1/choices");
    List<String> names = new ArrayList<>();
    c.get("partnerships").forEach(p -> names.add(p.get("partnership").asText()));
    assertThat(names).contains("Oxfordshire", "Hampshire", "Gateshead", "Portsmouth", "Kent");
    assertThat(c.get("regions")).hasSize(9);
    assertThat(c.get("periods").toString()).contains("2008-09");
    assertThat(c.get("measures").get(0).get("measure").asText()).isEqualTo("penetration");
  }

  @Test
  void the_catalog_describes_each_view_and_its_columns() {
    JsonNode c = http.ok("/api/v1/catalog");
    JsonNode penetration = null;
    for (JsonNode v : c.get("views")) {
      if (v.get("name").asText().equals("penetration")) {
        penetration = v;
      }
    }
    assertThat(penetration).isNotNull();
    assertThat(penetration.get("description").asText())
        .startsWith("Penetration: PDUs in treatment");
    assertThat(penetration.get("columns").toString()).contains("\"penetration_pct\"");
    JsonNode fact = c.get("tables").get(0);
    assertThat(fact.get("columns").get(0).get("description").isNull()).isFalse();
  }
}
