package uk.dtw.api.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import uk.dtw.api.support.DuckDbMirror;
import uk.dtw.warehouse.Warehouse;

/**
 * Times analysts' report queries over one warehouse three ways in one run: Calcite with a statement
 * prepared once (how the API runs named reports), Calcite re-planning the SQL text each time (how
 * ad-hoc SQL runs), and DuckDB over the parquet files Delta Kernel lists (the baseline). Prints
 * medians and ratios to DuckDB; run it through bench/query-bench.sh.
 */
public final class QueryBenchmark {
  private record Query(String name, String sql, String param) {}

  private static final List<Query> QUERIES =
      List.of(
          new Query(
              "national penetration ranking",
              """
          SELECT partnership, region, penetration_pct,
            RANK() OVER (ORDER BY penetration_pct DESC) AS national_rank
          FROM penetration WHERE financial_year = ? AND penetration_pct IS NOT NULL""",
              "2010-11"),
          new Query(
              "funding totals by region",
              """
          SELECT p.region, SUM(f.computed_total_gbp) AS total, SUM(f.reported_total_gbp - f.computed_total_gbp) AS gap
          FROM funding_total f JOIN partnership p ON p.area_code = f.area_code
          WHERE f.financial_year = ? GROUP BY p.region""",
              "2010-11"),
          new Query(
              "effective change top 10",
              """
          SELECT partnership, change_pct FROM effective_change
          WHERE financial_year = ? AND change_pct IS NOT NULL ORDER BY change_pct DESC LIMIT 10""",
              "2010-11"),
          new Query(
              "regional penetration comparison",
              """
          SELECT partnership, penetration_pct, pdu_lower_95, pdu_upper_95 FROM penetration
          WHERE financial_year = ? AND region = 'South East' ORDER BY partnership""",
              "2010-11"),
          new Query(
              "regional funding trend",
              """
          SELECT financial_year, computed_total_gbp, change_pct FROM funding_area_total
          WHERE area_level = 'region' AND area_name = 'North East' AND financial_year <= ?
          ORDER BY financial_year""",
              "2014-15"),
          new Query(
              "people in treatment ranking",
              """
          SELECT partnership, people_in_treatment,
            RANK() OVER (ORDER BY people_in_treatment DESC) AS national_rank
          FROM episode_treatment WHERE financial_year = ? AND people_in_treatment IS NOT NULL""",
              "2010-11"),
          new Query(
              "effective treatment share, one region",
              """
          SELECT partnership, effective_pct FROM episode_treatment
          WHERE financial_year = ? AND region = 'London' AND effective_pct IS NOT NULL
          ORDER BY effective_pct DESC""",
              "2010-11"),
          new Query(
              "people by sex, England",
              """
          SELECT category, SUM(people_in_treatment) AS people FROM episode_breakdown
          WHERE financial_year = ? AND dimension = 'sex' GROUP BY category""",
              "2010-11"),
          new Query(
              "age bands of one partnership",
              """
          SELECT category, people_in_treatment, share_pct FROM episode_breakdown
          WHERE financial_year = ? AND partnership = 'Kent' AND dimension = 'age_band'""",
              "2010-11"),
          new Query(
              "waiting over 3 weeks ranking",
              """
          SELECT partnership, waited_over_3_weeks_pct FROM episode_waiting
          WHERE financial_year = ? AND waited_over_3_weeks_pct IS NOT NULL
          ORDER BY waited_over_3_weeks_pct""",
              "2010-11"),
          new Query(
              "episodes against reported figures",
              """
          SELECT partnership, client_group, measure_code, from_episodes, reported, difference
          FROM episode_vs_reported WHERE financial_year = ? ORDER BY ABS(difference) DESC LIMIT 20""",
              "2010-11"),
          new Query(
              "raw scan: every episode by substance",
              """
          SELECT primary_substance, COUNT(*) AS episodes, COUNT(DISTINCT client_ref) AS people
          FROM fact_episode WHERE financial_year >= ? GROUP BY primary_substance""",
              "2000-01"));

  public static void main(String[] args) throws Exception {
    String location = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    long t0 = System.nanoTime();
    try (Warehouse wh = Warehouse.open(location);
        Connection duck = DuckDbMirror.open(wh)) {
      Connection calcite = wh.connection();
      System.out.printf(
          "warehouse version %d opened in %.0f ms (Delta Kernel snapshot + Calcite schema)%n",
          wh.version(), (System.nanoTime() - t0) / 1e6);
      System.out.printf(
          "%-38s %14s %14s %14s %10s %10s%n",
          "query (median of " + runs + " runs, ms)",
          "calcite-prep",
          "calcite-plan",
          "duckdb-prep",
          "prep/duck",
          "plan/duck");
      List<Double> prepRatios = new ArrayList<>();
      List<Double> preps = new ArrayList<>();
      List<Double> ducks = new ArrayList<>();
      for (Query q : QUERIES) {
        long cold = System.nanoTime();
        int rows = count(prepared(calcite, q));
        double coldMs = (System.nanoTime() - cold) / 1e6;
        double prep = median(runs, () -> count(prepared(calcite, q)));
        double plan = median(runs, () -> count(replanned(calcite, q)));
        double duckMs = median(runs, () -> count(prepared(duck, q)));
        if (count(prepared(duck, q)) != rows) {
          throw new IllegalStateException(
              q.name() + ": Calcite and DuckDB return different row counts");
        }
        System.out.printf(
            "%-38s %14.2f %14.2f %14.2f %10.1f %10.1f   (%d rows; Calcite cold %.0f ms)%n",
            q.name(), prep, plan, duckMs, prep / duckMs, plan / duckMs, rows, coldMs);
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
    for (int i = 0; i < 3; i++) {
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
