package uk.dtw.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;
import uk.dtw.model.testing.Spellings;
import uk.dtw.model.testing.Spellings.Spelling;

/**
 * The API answers every line of the shared table of spellings that the ETL loads (see
 * SpellingsLoadTest), and means by it what the ETL means.
 */
class SpellingsApiTest {
  private static final Http http = SampleApi.http();

  static Stream<Spelling> periods() {
    return Spellings.of("period").stream();
  }

  static Stream<Spelling> partnerships() {
    return Spellings.of("partnership").stream();
  }

  static Stream<Spelling> drugGroups() {
    return Spellings.of("drug_group").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("periods")
  void every_spelling_of_a_period_the_etl_loads_is_a_period_the_api_answers_for(Spelling s) {
    JsonNode body =
        http.ok(
            "/api/v1/rankings?measure=penetration&region=South%20East&period="
                + encode(s.written()));
    assertThat(body.get("period").asText()).isEqualTo(s.means());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("partnerships")
  void every_name_the_etl_loads_is_a_partnership_the_api_answers_for(Spelling s) {
    JsonNode body = http.ok("/api/v1/funding?partnership=" + encode(s.written()));
    assertThat(body.get("partnership").asText()).isEqualTo(s.means());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drugGroups")
  void every_spelling_of_a_drug_group_the_etl_loads_is_one_the_api_reads(Spelling s) {
    HttpResponse<String> response =
        http.get(
            "/api/v1/penetration?partnership=Portsmouth&period=2008-09&drug_group="
                + encode(s.written()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Http.json(response).get("rows").get(0).get("partnership").asText())
        .isEqualTo("Portsmouth");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
