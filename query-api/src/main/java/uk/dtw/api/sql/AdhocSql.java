package uk.dtw.api.sql;

import java.sql.ResultSet;
import uk.dtw.api.limits.QueryGate;
import uk.dtw.api.limits.SqlLimits;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.warehouse.calcite.QueryBudget;

/**
 * Runs a caller's query within {@link SqlLimits}: past {@link SqlGuard}, admitted by the {@link
 * QueryGate}, stopped at its time limit and memory budget, cut at its row cap.
 */
public final class AdhocSql {
  /** What a caller's query returned: at most the cap, and whether more rows were there. */
  public record Result(Table table, boolean truncated) {}

  /** The most rows one query returns, over HTTP ({@code max_rows}) and JDBC alike. */
  public static final int MAX_ROWS = SqlLimits.DEFAULTS.maxRows();

  private final SqlLimits limits;
  private final QueryGate gate;

  public AdhocSql(SqlLimits limits) {
    this.limits = limits;
    this.gate = new QueryGate(limits);
  }

  public SqlLimits limits() {
    return limits;
  }

  /** Who is running what: for health and for tests that the service is idle. */
  public QueryGate gate() {
    return gate;
  }

  public Result run(Snapshot snapshot, String sql, int maxRows, String caller) {
    String query = SqlGuard.check(sql, limits);
    try (QueryGate.Permit permit = gate.enter(caller);
        RecursiveTurn turn = RecursiveTurn.take(snapshot, query, limits.timeoutSeconds());
        QueryBudget.Scope budget = QueryBudget.start(limits.memoryBytes())) {
      // Prepared and kept by text: the same query again (a notebook re-run, a page refreshed)
      // skips Calcite's planning, which costs more than running most queries.
      return snapshot.withPrepared(
          query,
          statement -> {
            statement.setQueryTimeout(limits.timeoutSeconds());
            statement.setMaxRows(maxRows + 1); // one more than asked tells us whether we cut
            try (ResultSet rs = statement.executeQuery()) {
              Table all = ResultSets.read(rs, maxRows + 1);
              boolean truncated = all.rows().size() > maxRows;
              Table table =
                  truncated ? new Table(all.columns(), all.rows().subList(0, maxRows)) : all;
              return new Result(table, truncated);
            }
          });
    } catch (uk.dtw.api.errors.ApiError e) {
      throw e;
    } catch (Exception | StackOverflowError | ExceptionInInitializerError | AssertionError e) {
      // Calcite's generated code fails with Errors too: 1/0 folded into a constant throws
      // from the class initialiser, a deep expression overflows the planner's stack, and a
      // column whose type changes between a recursive query's rounds fails its own type check.
      throw SqlFailures.classify(e, limits);
    }
  }
}
