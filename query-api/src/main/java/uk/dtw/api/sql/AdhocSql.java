package uk.dtw.api.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import uk.dtw.api.snapshot.Snapshot;

/** Runs a caller's query, already past {@link SqlGuard}, with a row cap and a time limit. */
public final class AdhocSql {
  /** What a caller's query returned: at most the cap, and whether more rows were there. */
  public record Result(Table table, boolean truncated) {}

  /** The most rows one query returns, over HTTP ({@code max_rows}) and JDBC alike. */
  public static final int MAX_ROWS = 100_000;

  private final int timeoutSeconds;

  public AdhocSql(int timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds;
  }

  public Result run(Snapshot snapshot, String sql, int maxRows) {
    String query = SqlGuard.check(sql);
    try {
      // Prepared and kept by text: the same query again (a notebook re-run, a page refreshed)
      // skips Calcite's planning, which costs more than running most queries.
      return snapshot.withPrepared(
          query,
          statement -> {
            statement.setQueryTimeout(timeoutSeconds);
            statement.setMaxRows(maxRows + 1); // one more than asked tells us whether we cut
            try (ResultSet rs = statement.executeQuery()) {
              Table all = ResultSets.read(rs, maxRows + 1);
              boolean truncated = all.rows().size() > maxRows;
              Table table =
                  truncated ? new Table(all.columns(), all.rows().subList(0, maxRows)) : all;
              return new Result(table, truncated);
            }
          });
    } catch (SQLException e) {
      throw SqlFailures.classify(e, timeoutSeconds);
    }
  }
}
