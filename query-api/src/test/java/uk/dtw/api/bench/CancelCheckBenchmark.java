package uk.dtw.api.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;
import org.apache.calcite.util.Holder;
import uk.dtw.warehouse.Warehouse;

/**
 * What the per-row checks that make queries stoppable cost: each query of bench/queries.sql, and a
 * million-row recursive CTE that does nothing but pass rows, prepared with the checks (as served)
 * and without (Calcite's standard program, set for this thread only), run alternately in one JVM.
 * Args: WAREHOUSE [RUNS].
 */
public final class CancelCheckBenchmark {
  private static final String MILLION_ROWS =
      "WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t WHERE n < 1000000)"
          + " SELECT SUM(n) FROM t";

  public static void main(String[] args) throws Exception {
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    List<QueryBenchmark.Query> queries = new ArrayList<>();
    queries.add(
        new QueryBenchmark.Query("a million rows through a recursive CTE", MILLION_ROWS, null));
    queries.addAll(QueryBenchmark.queries(Path.of("bench/queries.sql")));
    try (Warehouse wh = Warehouse.open(args[0])) {
      Connection c = wh.connection();
      System.out.printf(
          "%-48s %12s %12s %8s%n",
          "query (median of " + runs + ", ms)", "checked", "unchecked", "ratio");
      List<Double> ratios = new ArrayList<>();
      for (QueryBenchmark.Query q : queries) {
        PreparedStatement checked = c.prepareStatement(q.sql());
        PreparedStatement unchecked;
        try (Hook.Closeable standard =
            Hook.PROGRAM.<Holder<Program>>addThread(h -> h.set(Programs.standard()))) {
          unchecked = c.prepareStatement(q.sql());
        }
        if (q.param() != null) {
          checked.setString(1, q.param());
          unchecked.setString(1, q.param());
        }
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        for (int i = 0; i < runs + 1; i++) { // the first of each is a warm-up
          double ta = time(checked);
          double tb = time(unchecked);
          if (i > 0) {
            a.add(ta);
            b.add(tb);
          }
        }
        double ma = median(a);
        double mb = median(b);
        ratios.add(ma / mb);
        System.out.printf("%-48s %12.2f %12.2f %8.2f%n", q.name(), ma, mb, ma / mb);
      }
      System.out.printf("median ratio checked/unchecked: %.2f%n", median(ratios));
    }
  }

  private static double time(PreparedStatement s) throws Exception {
    long t = System.nanoTime();
    try (ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rs.getObject(1);
      }
    }
    return (System.nanoTime() - t) / 1e6;
  }

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
