package uk.dtw.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.ApiServer;
import uk.dtw.api.access.Access;
import uk.dtw.api.access.ApiKey;
import uk.dtw.api.access.KeyFile;
import uk.dtw.api.snapshot.FixedSnapshotSource;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.api.support.Http;
import uk.dtw.model.schema.Role;

/**
 * Who a per-caller limit counts: a key holder is one caller wherever they connect from (two
 * analysts behind one address are two callers), and a query over JDBC takes a place as one over
 * {@code POST /sql} does. The queries are billion-row cross joins, stopped at a 2 s limit.
 */
class AdmissionTest {
  private static final int TIMEOUT_SECONDS = 2;
  private static final String SLOW = uk.dtw.api.support.SlowSql.billionRowCrossJoin();

  private static ApiServer server;
  private static Http ann;
  private static Http bob;
  private static String annKey;

  @BeforeAll
  static void start() throws Exception {
    Path keys = Files.createTempDirectory("admission").resolve("api-keys.json");
    annKey = ApiKey.newKey();
    String bobKey = ApiKey.newKey();
    KeyFile.write(
        keys,
        List.of(
            new ApiKey("ann", Role.ANALYST, ApiKey.hash(annKey), "2026-12-02T00:00:00Z"),
            new ApiKey("bob", Role.ANALYST, ApiKey.hash(bobKey), "2026-12-02T00:00:00Z")));
    server =
        new ApiServer(
                new FixedSnapshotSource(FakeWarehouse.snapshot()),
                Access.keys(keys),
                SqlLimits.DEFAULTS.withTimeoutSeconds(TIMEOUT_SECONDS))
            .start("127.0.0.1", 0);
    Http anonymous = new Http(server.port());
    ann = anonymous.withKey(annKey);
    bob = anonymous.withKey(bobKey);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void two_keys_from_one_address_are_two_callers() throws Exception {
    // Ann sends three at once (two per caller): one is turned away. Bob, on the same address,
    // still runs his: three in all is the service's limit, not over it.
    List<CompletableFuture<Integer>> annCalls = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      annCalls.add(CompletableFuture.supplyAsync(() -> status(ann)));
    }
    CompletableFuture<Integer> bobCall = CompletableFuture.supplyAsync(() -> status(bob));
    List<Integer> annStatuses = new ArrayList<>();
    for (CompletableFuture<Integer> c : annCalls) {
      annStatuses.add(c.get());
    }
    // 400: ran to the time limit and was stopped; 429: not admitted.
    assertThat(annStatuses).containsExactlyInAnyOrder(400, 400, 429);
    assertThat(bobCall.get()).isEqualTo(400);
    assertThat(server.queriesRunning()).isZero();
  }

  @Test
  void a_query_running_over_jdbc_takes_its_callers_place_over_http() throws Exception {
    List<CompletableFuture<String>> jdbc = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      jdbc.add(CompletableFuture.supplyAsync(AdmissionTest::overJdbc));
    }
    // Ann's two JDBC queries are running (each for 2 s); her HTTP query is not admitted.
    waitUntilRunning(2);
    HttpResponse<String> third = ann.post("/api/v1/sql", "{\"sql\":\"" + SLOW + "\"}");
    assertThat(third.statusCode()).as(third.body()).isEqualTo(429);
    assertThat(Http.json(third).get("error").get("message").asText())
        .contains("already have 2 queries running");
    for (CompletableFuture<String> c : jdbc) {
      assertThat(c.get()).as("SQLSTATE of a stopped JDBC query").isEqualTo("HYT00");
    }
    assertThat(server.queriesRunning()).isZero();
  }

  private static int status(Http caller) {
    return caller.post("/api/v1/sql", "{\"sql\":\"" + SLOW + "\"}").statusCode();
  }

  /** Runs the slow query as Ann over JDBC: the SQLSTATE it failed with. */
  private static String overJdbc() {
    Properties info = new Properties();
    info.setProperty("authentication", "BEARER");
    info.setProperty("bearer_token", annKey);
    String url =
        "jdbc:avatica:remote:url=http://127.0.0.1:"
            + server.port()
            + "/api/v1/jdbc;serialization=protobuf";
    try (Connection c = new Driver().connect(url, info);
        Statement st = c.createStatement()) {
      st.executeQuery(SLOW).next();
      return "no error";
    } catch (SQLException e) {
      return e.getSQLState();
    }
  }

  private static void waitUntilRunning(int queries) throws InterruptedException {
    long until = System.nanoTime() + 5_000_000_000L;
    while (server.queriesRunning() < queries && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertThat(server.queriesRunning()).isEqualTo(queries);
  }
}
