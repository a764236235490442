package uk.dtw.api.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.dtw.api.support.DuckDbMirror;
import uk.dtw.warehouse.Warehouse;

/**
 * Times the analysts' queries of bench/queries.sql over one warehouse in one run: Calcite with a
 * statement prepared once (how the API runs named reports), Calcite re-planning the SQL text each
 * time (how ad-hoc SQL runs), Calcite ignoring the load's episode aggregates, and DuckDB over the
 * parquet files Delta Kernel lists (the baseline). Prints medians and ratios to DuckDB; run it
 * through bench/query-bench.sh.
 */
public final class QueryBenchmark {
  record Query(String name, String sql, String param) {}

  /** The queries of {@code file}: see its first lines for the format. */
  static List<Query> queries(Path file) throws IOException {
    List<Query> queries = new ArrayList<>();
    Matcher m =
        Pattern.compile("(?m)^-- (.+) \\[(.+)\\]\\n([^;]+);").matcher(Files.readString(file));
    while (m.find()) {
      queries.add(new Query(m.group(1), m.group(3).strip(), m.group(2)));
    }
    return queries;
  }

  public static void main(String[] args) throws Exception {
    String location = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<Query> queries = queries(Path.of(args.length > 2 ? args[2] : "bench/queries.sql"));
    long t0 = System.nanoTime();
    try (Warehouse wh = Warehouse.open(location);
        Connection duck = DuckDbMirror.open(wh)) {
      Connection calcite = wh.connection();
      Connection raw = wh.connectionWithoutAggregates();
      System.out.printf(
          "warehouse version %d opened in %.0f ms (Delta Kernel snapshot + Calcite schema)%n",
          wh.version(), (System.nanoTime() - t0) / 1e6);
      System.out.println(
          "calcite-prep: a statement prepared once, as named reports run; calcite-plan: the text"
              + " planned each time, as ad-hoc SQL runs; calcite-raw: prepared, with the episode"
              + " aggregates ignored (every episode measure from the episodes); duckdb: the same"
              + " views over the snapshot's parquet files, computed from the episodes");
      System.out.printf(
          "%-44s %12s %12s %12s %12s %10s %10s%n",
          "query (median of " + runs + " runs, ms)",
          "calcite-prep",
          "calcite-plan",
          "calcite-raw",
          "duckdb",
          "prep/duck",
          "raw/duck");
      List<Double> prepRatios = new ArrayList<>();
      List<Double> preps = new ArrayList<>();
      List<Double> ducks = new ArrayList<>();
      for (Query q : queries) {
        long cold = System.nanoTime();
        int rows = count(prepared(calcite, q));
        double coldMs = (System.nanoTime() - cold) / 1e6;
        long duckCold = System.nanoTime();
        int duckRows = count(prepared(duck, q));
        double duckColdMs = (System.nanoTime() - duckCold) / 1e6;
        if (duckRows != rows) {
          throw new IllegalStateException(
              q.name() + ": Calcite and DuckDB return different row counts");
        }
        double prep = median(runs, () -> count(prepared(calcite, q)));
        double plan = median(runs, () -> count(replanned(calcite, q)));
        // The raw path scans every episode (25 s a query at scale 1): one run after the cold one
        // says enough and keeps the bench short.
        count(prepared(raw, q));
        double rawMs = median(0, 1, () -> count(prepared(raw, q)));
        double duckMs = median(runs, () -> count(prepared(duck, q)));
        System.out.printf(
            "%-44s %12.2f %12.2f %12.2f %12.2f %10.2f %10.2f   (%d rows; cold: Calcite %.0f ms,"
                + " DuckDB %.0f ms)%n",
            q.name(),
            prep,
            plan,
            rawMs,
            duckMs,
            prep / duckMs,
            rawMs / duckMs,
            rows,
            coldMs,
            duckColdMs);
        prepRatios.add(prep / duckMs);
        preps.add(prep);
        ducks.add(duckMs);
      }
      Collections.sort(prepRatios);
      Collections.sort(preps);
      Collections.sort(ducks);
      System.out.printf(
          "suite median: calcite-prep %.2f ms, duckdb %.2f ms (ratio of medians %.2f);"
              + " median per-query ratio %.2f%n",
          preps.get(preps.size() / 2),
          ducks.get(ducks.size() / 2),
          preps.get(preps.size() / 2) / ducks.get(ducks.size() / 2),
          prepRatios.get(prepRatios.size() / 2));
    }
  }

  private interface Run {
    int go() throws SQLException;
  }

  private static double median(int runs, Run run) throws SQLException {
    return median(3, runs, run);
  }

  private static double median(int warmups, int runs, Run run) throws SQLException {
    for (int i = 0; i < warmups; i++) {
      run.go(); // warm-up
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      run.go();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(ms);
    return ms.get(ms.size() / 2);
  }

  private static final Map<Connection, Map<Query, PreparedStatement>> PREPARED =
      new java.util.HashMap<>();

  private static ResultSet prepared(Connection c, Query q) throws SQLException {
    PreparedStatement ps = PREPARED.computeIfAbsent(c, k -> new java.util.HashMap<>()).get(q);
    if (ps == null) {
      ps = c.prepareStatement(q.sql());
      PREPARED.get(c).put(q, ps);
    }
    ps.setString(1, q.param());
    return ps.executeQuery();
  }

  private static ResultSet replanned(Connection c, Query q) throws SQLException {
    Statement s = c.createStatement();
    return s.executeQuery(q.sql().replace("?", "'" + q.param() + "'"));
  }

  private static int count(ResultSet rs) throws SQLException {
    int n = 0;
    try (rs) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }
}
