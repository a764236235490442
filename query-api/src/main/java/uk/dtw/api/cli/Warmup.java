package uk.dtw.api.cli;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.errors.ApiError;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.snapshot.SnapshotSource;
import uk.dtw.model.schema.Facts;
import uk.dtw.warehouse.calcite.ViewDefinitions;

/**
 * Runs every view once, in the background, before analysts do. In a cold JVM the first query of a
 * view costs seconds (class loading, reading every table from Delta, code generation; about 8 s for
 * the first, measured by bench/query-bench.sh); the server pays it at start instead. A view whose
 * plan scans every episode is only planned.
 */
final class Warmup {
  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

  private Warmup() {}

  /**
   * Starts the warm-up on a daemon thread; requests are served meanwhile. Over a warehouse with no
   * version yet it first asks the source for one every {@link #FIRST_VERSION_POLL}, which also
   * moves the server to the first load as soon as it commits, whether or not anyone is asking.
   */
  static void startInBackground(SnapshotSource source) {
    Thread t =
        new Thread(
            () -> {
              if (awaitFirstVersion(source)) {
                LOG.info("warmed up the views in {} ms", run(source));
              }
            },
            "view-warmup");
    t.setDaemon(true);
    t.start();
  }

  static final java.time.Duration FIRST_VERSION_POLL = java.time.Duration.ofMillis(500);

  /** Waits until the source has a version; false when interrupted first. */
  static boolean awaitFirstVersion(SnapshotSource source) {
    while (source.currentVersion() < 0) {
      try {
        source.acquire().release();
        return true;
      } catch (ApiError e) {
        if (!Errors.isNothingLoaded(e)) {
          LOG.warn("cannot look for the warehouse's first version yet: {}", e.getMessage());
        }
      } catch (RuntimeException e) {
        LOG.warn("cannot look for the warehouse's first version yet: {}", e.getMessage());
      }
      try {
        Thread.sleep(FIRST_VERSION_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Milliseconds the warm-up took; a view that fails is logged and skipped, never fatal. */
  static long run(SnapshotSource source) {
    long start = System.nanoTime();
    Snapshot snapshot = source.acquire();
    try (Statement statement = snapshot.connection().createStatement()) {
      for (String view : ViewDefinitions.load(Warmup.class.getClassLoader()).keySet()) {
        String query = "SELECT COUNT(*) FROM " + view;
        try {
          if (scansEpisodes(statement, query)) {
            continue; // planned, which is the cold cost; its run is a scan of every episode
          }
          try (ResultSet rs = statement.executeQuery(query)) {
            rs.next();
          }
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

  /**
   * Whether the query's plan reads the episodes themselves, not an aggregate of them: run, it would
   * scan every episode (at England's size, 15-20 s and most of a 2 GiB heap for each of the two
   * views no aggregate stores, while the server is answering its first requests).
   */
  static boolean scansEpisodes(Statement statement, String query) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rs = statement.executeQuery("EXPLAIN PLAN FOR " + query)) {
      while (rs.next()) {
        plan.append(rs.getString(1));
      }
    }
    return Pattern.compile("\\b" + Facts.EPISODE.name() + "\\b").matcher(plan).find();
  }
}
