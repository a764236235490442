package uk.dtw.api.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import uk.dtw.api.snapshot.Snapshot;

/**
 * Runs the named reports' fixed SQL on a snapshot through statements it prepared before, one per
 * concurrent request (see {@link Snapshot#withPrepared}).
 */
public final class Queries {
  private Queries() {}

  /** All rows of a fixed query with its parameters bound in order. */
  public static Table run(Snapshot snapshot, String sql, Object... params) {
    try {
      return snapshot.withPrepared(
          sql,
          statement -> {
            for (int i = 0; i < params.length; i++) {
              statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
              return ResultSets.read(rs, Integer.MAX_VALUE);
            }
          });
    } catch (SQLException e) {
      // Fixed report SQL failing is our fault or the warehouse's, never the caller's.
      throw new IllegalStateException("report query failed: " + sql, e);
    }
  }
}
