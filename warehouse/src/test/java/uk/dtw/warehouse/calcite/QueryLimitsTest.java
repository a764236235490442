package uk.dtw.warehouse.calcite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.dtw.warehouse.Warehouse;
import uk.dtw.warehouse.testing.TestWarehouse;

/**
 * Queries that never touch a table (recursive CTEs, cross joins of VALUES) stop at their time
 * limit, when cancelled and past their memory budget: Calcite's own operators never check, ours do.
 */
class QueryLimitsTest {
  /** Far more than any of these queries needs to stop; they would run for hours otherwise. */
  private static final Duration STOPS_WITHIN = Duration.ofSeconds(20);

  private static final String FOREVER =
      "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t) SELECT COUNT(*) FROM t";

  @TempDir static Path dir;
  static Warehouse wh;

  @BeforeAll
  static void open() {
    new TestWarehouse(dir).load("load-1", Instant.parse("2024-01-02T09:30:15Z"), Map.of());
    wh = Warehouse.open(dir.toString());
  }

  @AfterAll
  static void close() throws SQLException {
    wh.close();
  }

  @Test
  void a_recursive_cte_without_end_stops_at_its_time_limit() {
    assertTimeoutPreemptively(
        STOPS_WITHIN,
        () -> {
          try (Statement s = wh.connection().createStatement()) {
            s.setQueryTimeout(1);
            assertThatThrownBy(() -> s.executeQuery(FOREVER).next())
                .satisfies(e -> assertThat(rootCancellation(e)).contains("timeout of 1000 ms"));
          }
        });
  }

  @Test
  void a_cross_join_of_a_billion_rows_stops_when_cancelled() throws SQLException {
    String thousand =
        "(VALUES "
            + IntStream.range(0, 1000)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining("),(", "(", ")"))
            + ")";
    String sql =
        "SELECT COUNT(*) FROM " + thousand + " a(x), " + thousand + " b(y), " + thousand + " c(z)";
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (Statement s = wh.connection().createStatement()) {
      timer.schedule(() -> cancel(s), 500, TimeUnit.MILLISECONDS);
      assertTimeoutPreemptively(
          STOPS_WITHIN,
          () ->
              assertThatThrownBy(() -> s.executeQuery(sql).next())
                  .satisfies(e -> assertThat(rootCancellation(e)).contains("cancelled")));
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void a_query_past_its_memory_budget_stops_before_the_heap_fills() {
    // A distinct count holds every value it has seen: 100 million numbers would need gigabytes.
    // The budget is given as a plain cap (heap always short): a short heap cannot be made to
    // order in a test.
    String hoarding =
        "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 100000000)"
            + " SELECT COUNT(DISTINCT n) FROM t";
    assertTimeoutPreemptively(
        STOPS_WITHIN,
        () -> {
          try (QueryBudget.Scope budget = QueryBudget.start(64L << 20, () -> true);
              Statement s = wh.connection().createStatement()) {
            assertThatThrownBy(() -> s.executeQuery(hoarding).next())
                .satisfies(e -> assertThat(rootCancellation(e)).contains("limit of 64 MiB"));
          }
        });
  }

  @Test
  void a_value_that_doubles_each_round_stops_at_the_value_limit_with_the_heap_roomy() {
    // Row 30 would hold 2^30 characters; no memory budget is open, so only the value limit
    // (2^22) can stop it, at the first row past it: 2^23 characters.
    String doubling =
        "WITH RECURSIVE t(s) AS (VALUES (CAST('ab' AS VARCHAR))"
            + " UNION ALL SELECT s || s FROM t) SELECT MAX(s) FROM t";
    assertTimeoutPreemptively(
        STOPS_WITHIN,
        () -> {
          try (Statement s = wh.connection().createStatement()) {
            assertThatThrownBy(() -> s.executeQuery(doubling).next())
                .satisfies(
                    e ->
                        assertThat(rootCancellation(e))
                            .contains("a value of " + (1 << 23) + " characters")
                            .contains("limit of " + (1 << 22)));
          }
        });
  }

  @Test
  void a_query_within_its_limits_gives_its_answer() throws SQLException {
    String bounded =
        "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 1000)"
            + " SELECT COUNT(*), SUM(n) FROM t";
    try (QueryBudget.Scope budget = QueryBudget.start(1L << 30, () -> true);
        Statement s = wh.connection().createStatement()) {
      s.setQueryTimeout(5);
      ResultSet rs = s.executeQuery(bounded);
      assertThat(rs.next()).isTrue();
      // 1 + 2 + ... + 1000 = 1000 * 1001 / 2
      assertThat(rs.getLong(1)).isEqualTo(1000);
      assertThat(rs.getLong(2)).isEqualTo(500_500);
    }
  }

  @Test
  void every_operator_input_of_a_plan_is_checked() throws SQLException {
    try (Statement s = wh.connection().createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + FOREVER)) {
      rs.next();
      String plan = rs.getString(1);
      // Aggregate <- union <- (values, calc <- spool scan): each edge has its check.
      assertThat(plan).contains("CancelCheck");
      assertThat(plan.lines().filter(l -> l.contains("CancelCheck")).count())
          .isGreaterThanOrEqualTo(3);
    }
  }

  private static String rootCancellation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CancellationException) {
        return t.getMessage();
      }
    }
    throw new AssertionError("no CancellationException in the causes of " + e, e);
  }

  private static void cancel(Statement s) {
    try {
      s.cancel();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
