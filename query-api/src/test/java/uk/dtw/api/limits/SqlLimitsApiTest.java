package uk.dtw.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.ApiServer;
import uk.dtw.api.snapshot.FixedSnapshotSource;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.api.support.Http;

/**
 * Ad-hoc SQL that would hurt the service (endless, huge, deep, malformed) gets a 4xx JSON answer
 * naming what was wrong, and leaves nothing running behind it.
 */
class SqlLimitsApiTest {
  private static final int TIMEOUT_SECONDS = 2;
  private static ApiServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    server =
        new ApiServer(
                new FixedSnapshotSource(FakeWarehouse.snapshot()),
                uk.dtw.api.access.Access.anonymous(uk.dtw.model.schema.Role.ANALYST),
                SqlLimits.DEFAULTS.withTimeoutSeconds(TIMEOUT_SECONDS))
            .start("127.0.0.1", 0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  private static JsonNode refused(String sqlJson, int status) {
    HttpResponse<String> response = http.post("/api/v1/sql", "{\"sql\":" + sqlJson + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return Http.json(response).get("error");
  }

  @Test
  void an_endless_recursive_query_is_stopped_at_the_limit_and_frees_its_thread() throws Exception {
    long started = System.nanoTime();
    JsonNode error =
        refused(
            "\"WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t)"
                + " SELECT COUNT(*) FROM t\"",
            400);
    double seconds = (System.nanoTime() - started) / 1e9;

    assertThat(error.get("message").asText()).contains("longer than 2 s and was stopped");
    // It answers at its limit, not at the end of a query that has none.
    assertThat(seconds).isLessThan(TIMEOUT_SECONDS + 8);
    assertThat(server.queriesRunning()).isZero();
    assertThat(CpuProbe.busyThreadsOver(1000)).as("threads still burning CPU").isEmpty();
  }

  @Test
  void a_value_that_doubles_each_round_is_a_400_naming_the_value_limit() {
    // Without the limit the 31st round asks the JVM for a string past its largest, or fills the
    // heap first.
    JsonNode error =
        refused(
            "\"WITH RECURSIVE t(s) AS (VALUES (CAST('ab' AS VARCHAR)) UNION ALL SELECT s || s FROM t)"
                + " SELECT MAX(s) FROM t\"",
            400);

    assertThat(error.get("message").asText())
        .contains("value larger than the limit of " + (1 << 22) + " characters");
    assertThat(server.queriesRunning()).isZero();
  }

  @Test
  void a_text_column_that_grows_from_a_char_literal_is_a_400_with_the_cast_that_fixes_it() {
    // 'ab' is CHAR(2) and s || s CHAR(4): Calcite's check of its own conversion fails (an
    // AssertionError, not an exception), and was an empty 500. PostgreSQL refuses it too.
    for (String grows : List.of("s || s", "s || 'x'")) {
      JsonNode error =
          refused(
              "\"WITH RECURSIVE t(s, n) AS (VALUES ('ab', 1) UNION ALL SELECT "
                  + grows
                  + ", n + 1 FROM t WHERE n < 3) SELECT s FROM t\"",
              400);

      assertThat(error.get("message").asText())
          .as(grows)
          .contains("could not keep this query's column types the same");
      assertThat(error.get("hint").asText()).contains("CAST('ab' AS VARCHAR)");
    }
    // The remedy the hint gives works, with the figures worked out by hand.
    HttpResponse<String> cast =
        http.post(
            "/api/v1/sql",
            "{\"sql\":\"WITH RECURSIVE t(s, n) AS (VALUES (CAST('ab' AS VARCHAR), 1)"
                + " UNION ALL SELECT s || s, n + 1 FROM t WHERE n < 3) SELECT s FROM t\"}");
    assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
    assertThat(Http.json(cast).get("rows").toString())
        .isEqualTo("[[\"ab\"],[\"abab\"],[\"abababab\"]]");
  }

  @Test
  void division_by_zero_and_a_failed_cast_are_the_callers_mistakes() {
    assertThat(refused("\"SELECT 1/0\"", 400).get("message").asText()).contains("division by zero");
    assertThat(refused("\"SELECT 1/0 FROM partnership\"", 400).get("message").asText())
        .contains("division by zero");
    assertThat(refused("\"SELECT CAST('a' AS INT)\"", 400).get("message").asText())
        .contains("CAST to a number failed");
    assertThat(
            refused("\"SELECT CAST(partnership AS INT) FROM partnership\"", 400)
                .get("message")
                .asText())
        .contains("CAST to a number failed");
  }

  @Test
  void a_lone_surrogate_is_named_not_a_crash() {
    assertThat(refused("\"SELECT '\\ud800'\"", 400).get("message").asText())
        .contains("lone UTF-16 surrogate at character 9");
  }

  @Test
  void nesting_past_the_limit_is_refused_before_parsing() {
    String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
    assertThat(refused("\"SELECT " + deep + "\"", 400).get("message").asText())
        .contains("nests brackets more than 64 deep");
  }

  @Test
  void a_body_over_the_size_limit_is_a_json_413() {
    String huge = "{\"sql\":\"SELECT '" + "a".repeat((int) ApiServer.MAX_BODY_BYTES) + "'\"}";
    HttpResponse<String> response = http.post("/api/v1/sql", huge);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Http.json(response).get("error").get("status").asInt()).isEqualTo(413);
  }

  @Test
  void a_truncated_answer_says_where_and_how_to_get_more() {
    JsonNode body =
        Http.json(
            http.post("/api/v1/sql", "{\"sql\":\"SELECT * FROM partnership\",\"max_rows\":1}"));

    assertThat(body.get("truncated").asBoolean()).isTrue();
    assertThat(body.get("truncated_at").asText()).startsWith("1 rows: ask for up to 100000");
  }

  @Test
  void more_queries_at_once_than_a_caller_may_run_are_refused_with_429() throws Exception {
    // A billion-row cross join: runs to its time limit. (Recursive queries take turns instead.)
    String slow = "{\"sql\":\"" + uk.dtw.api.support.SlowSql.billionRowCrossJoin() + "\"}";
    List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
    for (int i = 0; i < SqlLimits.DEFAULTS.perCaller() + 2; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> http.post("/api/v1/sql", slow)));
    }
    List<Integer> statuses = new ArrayList<>();
    for (CompletableFuture<HttpResponse<String>> call : calls) {
      HttpResponse<String> response = call.get();
      statuses.add(response.statusCode());
      if (response.statusCode() == 429) {
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
      }
    }
    // Two run (to their time limit, 400), the others are turned away at once.
    assertThat(statuses).containsOnly(400, 429);
    assertThat(statuses.stream().filter(s -> s == 400).count())
        .isEqualTo(SqlLimits.DEFAULTS.perCaller());
    assertThat(server.queriesRunning()).isZero();
  }
}
