package uk.dtw.api.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.calcite.avatica.remote.Driver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.ApiServer;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.api.support.Http;

/**
 * Recursive queries at once from JDBC sessions and {@code POST /sql} over one warehouse version:
 * Calcite keeps a recursive query's working table by name in the schema they share, so unless they
 * take turns one reads the other's rows. Each must give its own true count and sum.
 */
class RecursiveTurnsTest {
  // 1 + 2 + ... + n = n (n + 1) / 2, worked out here rather than by another query.
  private static final int N = 20_000;
  private static final String SQL =
      "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < "
          + N
          + ") SELECT COUNT(*) AS c, SUM(n) AS s FROM t";
  private static final String EXPECTED = N + " " + ((long) N * (N + 1) / 2);

  private static ApiServer server;
  private static Http http;

  @BeforeAll
  static void start() {
    // Three at once from this one caller: the per-caller limit raised to let them all in.
    uk.dtw.api.limits.SqlLimits d = uk.dtw.api.limits.SqlLimits.DEFAULTS;
    server =
        new ApiServer(
                new uk.dtw.api.snapshot.FixedSnapshotSource(FakeWarehouse.snapshot()),
                uk.dtw.api.access.Access.anonymous(uk.dtw.model.schema.Role.ANALYST),
                new uk.dtw.api.limits.SqlLimits(
                    d.timeoutSeconds(),
                    d.defaultRows(),
                    d.maxRows(),
                    d.memoryBytes(),
                    d.maxSqlChars(),
                    d.maxNesting(),
                    3,
                    3))
            .start("127.0.0.1", 0);
    http = new Http(server.port());
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void two_jdbc_sessions_and_http_running_recursive_queries_at_once_each_get_their_own_answer()
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      runs.add(pool.submit(jdbc()));
      runs.add(pool.submit(jdbc()));
      runs.add(pool.submit(overHttp()));
      for (Future<List<String>> run : runs) {
        assertThat(run.get()).hasSize(6).containsOnly(EXPECTED);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.queriesRunning()).isZero();
  }

  private static Callable<List<String>> jdbc() {
    return () -> {
      List<String> answers = new ArrayList<>();
      String url =
          "jdbc:avatica:remote:url=http://127.0.0.1:"
              + server.port()
              + "/api/v1/jdbc;serialization=protobuf";
      try (Connection c = new Driver().connect(url, new Properties());
          Statement st = c.createStatement()) {
        for (int i = 0; i < 6; i++) {
          try (ResultSet rs = st.executeQuery(SQL)) {
            rs.next();
            answers.add(rs.getLong("c") + " " + rs.getLong("s"));
          }
        }
      }
      return answers;
    };
  }

  private static Callable<List<String>> overHttp() {
    return () -> {
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        HttpResponse<String> response = http.post("/api/v1/sql", "{\"sql\": \"" + SQL + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var row = Http.json(response).get("rows").get(0);
        answers.add(row.get(0).asLong() + " " + row.get(1).asLong());
      }
      return answers;
    };
  }
}
