package uk.dtw.api.sql;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;

/**
 * A recursive query's turn on its warehouse version: one at a time (see {@link
 * Snapshot#recursiveQueries()}); a query that waits longer than its own time limit for its turn is
 * refused as busy. Other queries need no turn.
 */
public final class RecursiveTurn implements AutoCloseable {
  private static final Pattern RECURSIVE = Pattern.compile("\\brecursive\\b");
  private final ReentrantLock lock;

  private RecursiveTurn(ReentrantLock lock) {
    this.lock = lock;
  }

  static RecursiveTurn take(Snapshot snapshot, String query, int waitSeconds) {
    return needsTurn(query)
        ? take(snapshot.recursiveQueries(), waitSeconds)
        : new RecursiveTurn(null);
  }

  /** Whether a query may be recursive (by its text: a literal saying so waits too, harmlessly). */
  public static boolean needsTurn(String query) {
    return query != null && RECURSIVE.matcher(query.toLowerCase(Locale.ROOT)).find();
  }

  /**
   * A JDBC execution's rows, for a client that reads them over many calls: when asked for, the
   * query runs to its end (at most {@code cap} rows) in its turn, so the turn is not held while the
   * client waits between fetches. The rows come from {@code run} on the calling thread, where the
   * caller's time limit applies.
   */
  public static Supplier<Iterable<Object>> runInTurn(
      Supplier<Iterable<Object>> run, ReentrantLock lock, long cap, int waitSeconds) {
    return () -> {
      try (RecursiveTurn turn = take(lock, waitSeconds)) {
        List<Object> rows = new ArrayList<>();
        Iterator<Object> it = run.get().iterator();
        try {
          while (rows.size() < cap && it.hasNext()) {
            rows.add(it.next());
          }
        } finally {
          if (it instanceof AutoCloseable closeable) {
            try {
              closeable.close();
            } catch (Exception e) {
              // the rows are read; a failure to release the scan leaves nothing to answer for
            }
          }
        }
        return rows;
      }
    };
  }

  private static RecursiveTurn take(ReentrantLock lock, int waitSeconds) {
    try {
      if (!lock.tryLock(waitSeconds, TimeUnit.SECONDS)) {
        throw Errors.busy(
            "another recursive query is running; they run one at a time", "retry in a few seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.busy("interrupted while waiting for another recursive query", "retry");
    }
    return new RecursiveTurn(lock);
  }

  @Override
  public void close() {
    if (lock != null) {
      lock.unlock();
    }
  }
}
