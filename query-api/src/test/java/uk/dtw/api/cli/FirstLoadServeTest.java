package uk.dtw.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.dtw.api.formats.Headers;
import uk.dtw.api.support.ForkedServer;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleWarehouse;

/**
 * {@code serve --wait-for-first-load} (what {@code bin/dwh demo} runs on a fresh tree) over a
 * warehouse folder that does not exist yet: it answers health ("loading") and a JSON 503 with
 * Retry-After for every report, then a real load of the sample into that folder is served within
 * seconds of its commit, with the real figures, by the same process.
 */
class FirstLoadServeTest {
  /** The source looks for the first version every second; opening it takes about one more. */
  private static final Duration SERVED_WITHIN = Duration.ofSeconds(10);

  private static final List<String> REPORTS =
      List.of(
          "/api/v1/choices",
          "/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East",
          "/api/v1/rankings?measure=penetration&period=2008-09&format=csv",
          "/api/v1/funding?partnership=Gateshead",
          "/api/v1/reports/penetration-table?period=2008-09&region=South%20East",
          "/api/v1/reports/effective-change-top?period=2008-09",
          "/api/v1/targets?partnership=Suffolk",
          "/api/v1/bullseye?partnership=Hampshire",
          "/api/v1/provenance?partnership=Gateshead&period=2008-09&figure=pdus_in_treatment",
          "/api/v1/health?as_of=0");

  @Test
  void a_server_started_before_the_first_load_says_so_then_serves_the_load_when_it_commits()
      throws Exception {
    Path work = Path.of("target/first-load").toAbsolutePath();
    deleteRecursively(work);
    Path warehouse = work.resolve("warehouse");

    try (ForkedServer server =
        ForkedServer.start(warehouse, work.resolve("serve.log"), "--wait-for-first-load")) {
      Http http = server.http;

      HttpResponse<String> health = http.get("/api/v1/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue(Headers.WAREHOUSE_VERSION)).isEmpty();
      JsonNode waiting = Http.json(health);
      assertThat(waiting.get("status").asText()).isEqualTo("loading");
      assertThat(waiting.get("warehouse_version").isNull()).isTrue();
      assertThat(waiting.get("message").asText()).contains("no load").contains("503");
      assertThat(waiting.get("endpoints")).isNotEmpty();

      for (String path : REPORTS) {
        assertWaiting(http.get(path), path);
      }
      // The pages themselves are there, to say the data is loading.
      assertThat(http.get("/rankings.html").statusCode()).isEqualTo(200);
      assertThat(http.get("/js/app.js").body()).contains("waiting_for_first_load");
      assertThat(http.get("/api/v1/openapi.json").statusCode()).isEqualTo(200);

      Process load =
          SampleWarehouse.startLoad(
              Path.of(System.getProperty("dtw.root", "..")).resolve("data/sample"),
              warehouse,
              work.resolve("load.log"));
      List<String> seen = new ArrayList<>();
      while (load.isAlive()) {
        HttpResponse<String> during =
            http.get("/api/v1/rankings?measure=penetration&period=2008-09");
        // While the load runs: still the 503 (nothing half-written is ever served), or, in the
        // last second, the new version.
        assertThat(during.statusCode()).as(during.body()).isIn(200, 503);
        if (during.statusCode() == 503) {
          assertWaiting(during, "during the load");
        }
        seen.add(Integer.toString(during.statusCode()));
        load.waitFor(1, TimeUnit.SECONDS);
      }
      Instant committed = Instant.now();
      assertThat(load.exitValue()).as(Files.readString(work.resolve("load.log"))).isZero();
      assertThat(seen).contains("503");

      JsonNode ok = null;
      while (Duration.between(committed, Instant.now()).compareTo(SERVED_WITHIN) < 0) {
        JsonNode now = http.ok("/api/v1/health");
        if (now.get("status").asText().equals("ok")) {
          ok = now;
          break;
        }
        Thread.sleep(100);
      }
      Duration servedAfter = Duration.between(committed, Instant.now());
      assertThat(ok).as("health says ok within " + SERVED_WITHIN + " of the commit").isNotNull();
      System.out.println("first load served " + servedAfter.toMillis() + " ms after it ended");
      long version = ok.get("warehouse_version").asLong();
      assertThat(version).isGreaterThanOrEqualTo(0);

      // Real figures, from the same process: Gateshead's funding gap (the plan's £9,419) and the
      // South East penetration ranking.
      HttpResponse<String> funding = http.get("/api/v1/funding?partnership=Gateshead");
      assertThat(funding.statusCode()).as(funding.body()).isEqualTo(200);
      assertThat(funding.headers().firstValue(Headers.WAREHOUSE_VERSION))
          .contains(Long.toString(version));
      JsonNode totals = Http.json(funding).get("totals");
      JsonNode gap = null;
      for (JsonNode t : totals) {
        if (t.get("period").asText().equals("2008-09")) {
          gap = t.get("difference_gbp");
        }
      }
      assertThat(gap).isNotNull();
      assertThat(gap.asDouble()).isEqualTo(9_419.0);
      JsonNode ranking =
          http.ok("/api/v1/rankings?measure=penetration&period=2008-09&region=South%20East");
      assertThat(ranking.get("warehouse_version").asLong()).isEqualTo(version);
      assertThat(ranking.get("rows")).isNotEmpty();
      for (String path : REPORTS) {
        assertThat(http.get(path).statusCode()).as(path).isEqualTo(200);
      }
      assertThat(server.output()).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }

  private static void assertWaiting(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).as(what).contains("2");
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .as(what)
        .startsWith("application/json");
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception");
    JsonNode body = Http.json(response);
    JsonNode error = body.get("error");
    assertThat(error.get("status").asInt()).isEqualTo(503);
    assertThat(error.get("message").asText())
        .as(what)
        .isEqualTo("the warehouse has no version yet: no load into it has committed");
    assertThat(error.get("waiting_for_first_load").asBoolean()).isTrue();
    assertThat(error.get("retry_after_seconds").asInt()).isEqualTo(2);
    assertThat(body.get("warehouse_version").isNull()).isTrue();
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
