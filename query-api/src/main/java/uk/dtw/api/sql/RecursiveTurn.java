package uk.dtw.api.sql;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;

/**
 * A recursive query's turn on its warehouse version: one at a time (see {@link
 * Snapshot#recursiveQueries()}); a query that waits longer than its own time limit for its turn is
 * refused as busy. Other queries need no turn.
 */
final class RecursiveTurn implements AutoCloseable {
  private static final Pattern RECURSIVE = Pattern.compile("\\brecursive\\b");
  private final ReentrantLock lock;

  private RecursiveTurn(ReentrantLock lock) {
    this.lock = lock;
  }

  static RecursiveTurn take(Snapshot snapshot, String query, int waitSeconds) {
    if (!RECURSIVE.matcher(query.toLowerCase(Locale.ROOT)).find()) {
      return new RecursiveTurn(null);
    }
    ReentrantLock lock = snapshot.recursiveQueries();
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
