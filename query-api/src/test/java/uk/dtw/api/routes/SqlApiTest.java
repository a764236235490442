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

class SqlApiTest {
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

  private static HttpResponse<String> sql(String json) {
    return http.post("/api/v1/sql", json);
  }

  @Test
  void a_query_returns_typed_columns_rows_and_the_version() {
    HttpResponse<String> response =
        sql(
            "{\"sql\":\"SELECT region, count(*) AS n FROM partnership GROUP BY region ORDER BY region\"}");
    JsonNode body = Http.json(response);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(body.get("columns"))
        .extracting(c -> c.get("name").asText())
        .containsExactly("region", "n");
    assertThat(body.get("columns").get(1).get("type").asText()).isEqualTo("BIGINT");
    assertThat(body.get("rows").get(0).get(0).asText()).isEqualTo("North East");
    assertThat(body.get("rows").get(0).get(1).asInt()).isEqualTo(2);
    assertThat(body.get("row_count").asInt()).isEqualTo(2);
    assertThat(body.get("truncated").asBoolean()).isFalse();
    assertThat(body.get("warehouse_version").asLong()).isEqualTo(7);
  }

  @Test
  void rows_beyond_max_rows_are_cut_and_flagged() {
    JsonNode body =
        Http.json(sql("{\"sql\":\"SELECT partnership FROM partnership\",\"max_rows\":3}"));

    assertThat(body.get("rows")).hasSize(3);
    assertThat(body.get("row_count").asInt()).isEqualTo(3);
    assertThat(body.get("truncated").asBoolean()).isTrue();
  }

  @Test
  void writes_and_several_statements_are_refused_naming_sql() {
    for (String statement :
        new String[] {"DELETE FROM partnership", "SELECT 1; DROP TABLE partnership"}) {
      HttpResponse<String> response = sql("{\"sql\":\"" + statement + "\"}");
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(Http.json(response).get("error").get("parameter").asText()).isEqualTo("sql");
    }
  }

  @Test
  void malformed_sql_is_a_400_with_calcites_position_and_no_stack_trace() {
    HttpResponse<String> response = sql("{\"sql\":\"SELECT FROM WHERE\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("error").get("message").asText()).contains("line 1, column");
    assertThat(response.body()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void an_unknown_table_is_a_400_saying_which() {
    HttpResponse<String> response = sql("{\"sql\":\"SELECT * FROM no_such_table\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("error").get("message").asText()).contains("no_such_table");
    assertThat(response.body()).doesNotContain("\tat ");
  }

  @Test
  void an_unquoted_period_column_gets_a_hint_to_quote_it() {
    HttpResponse<String> response = sql("{\"sql\":\"SELECT period FROM penetration\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).get("error").get("hint").asText()).contains("financial_year");
  }

  @Test
  void a_body_that_is_not_json_or_lacks_sql_is_a_400() {
    assertThat(Http.json(sql("not json")).get("error").get("parameter").asText()).isEqualTo("body");
    assertThat(Http.json(sql("{\"query\":\"SELECT 1\"}")).get("error").get("parameter").asText())
        .isEqualTo("sql");
    assertThat(
            Http.json(sql("{\"sql\":\"SELECT 1\",\"max_rows\":0}"))
                .get("error")
                .get("parameter")
                .asText())
        .isEqualTo("max_rows");
  }

  @Test
  void csv_gives_the_result_table() {
    HttpResponse<String> response =
        http.post("/api/v1/sql?format=csv", "{\"sql\":\"VALUES (1, 'a')\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).endsWith("1,a\r\n");
    assertThat(response.headers().firstValue("X-Truncated")).contains("false");
  }
}
