package uk.dtw.api.cli;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.snapshot.SnapshotSource;

/**
 * Runs the main measure views once before the first analyst does. In a cold JVM the first
 * Calcite query costs seconds (class loading, reading every table from Delta, code generation;
 * about 8 s measured by bench/query-bench.sh); the server pays it at start, not a user.
 */
final class Warmup {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
  private static final List<String> VIEWS = List.of("penetration", "effective_change", "funding_total");

  private Warmup() {}

  /** Milliseconds the warm-up took; a view that fails is logged and skipped, never fatal. */
  static long run(SnapshotSource source) {
    long start = System.nanoTime();
    Snapshot snapshot = source.acquire();
    try (Statement statement = snapshot.connection().createStatement()) {
      for (String view : VIEWS) {
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + view)) {
          rs.next();
        } catch (SQLException e) {
          LOG.warn("warm-up query on view {} failed: {}", view, e.getMessage());
        }
      }
    } catch (SQLException e) {
      LOG.warn("warm-up skipped: {}", e.getMessage());
    } finally {
      snapshot.release();
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
