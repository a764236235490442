package uk.dtw.api.jdbc;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.MetaImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a statement, read frame by frame as the client fetches: at most {@code maxRows}
 * rows, and at most {@code timeoutSeconds} of work on the server.
 *
 * <p>The time counts while the server computes rows (inside {@link #fetch}), not while a client
 * such as DBeaver waits for its user to scroll: the limit is there to protect the server, as the
 * one on {@code POST /sql} is. While a fetch runs, a watchdog sets the statement's cancel flag when
 * the time is up, which the warehouse's scans check between rows; between rows this class checks
 * the clock too. As over HTTP, an operator that computes everything inside one row (a sort of a
 * huge join) cannot be stopped before it returns that row.
 *
 * <p>Rows beyond the cap are not sent and the result ends there, as JDBC's {@code setMaxRows} does.
 */
final class Cursor {
  private static final Logger LOG = LoggerFactory.getLogger(Cursor.class);

  private final Supplier<Iterable<Object>> rows;
  private final Meta.CursorFactory cursorFactory;
  private final long maxRows;
  private final int timeoutSeconds;
  private final AtomicBoolean cancel;
  private final ScheduledExecutorService watchdog;

  private long budgetNanos;
  private Iterator<Object> iterator;
  private long sent;
  private boolean stopped;
  private boolean closed;

  /**
   * @param rows runs the query when called: only from the first fetch on, so that its time counts
   * @param cancel the flag Calcite gives the statement's scans (reset here for a new execution)
   */
  Cursor(
      Supplier<Iterable<Object>> rows,
      Meta.CursorFactory cursorFactory,
      long maxRows,
      int timeoutSeconds,
      AtomicBoolean cancel,
      ScheduledExecutorService watchdog) {
    this.rows = rows;
    this.cursorFactory = cursorFactory;
    this.maxRows = maxRows;
    this.timeoutSeconds = timeoutSeconds;
    this.cancel = cancel;
    this.watchdog = watchdog;
    this.budgetNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
    cancel.set(false);
  }

  /** The next rows, at most {@code fetchMax} (0 or less: as many as the cap allows). */
  Meta.Frame fetch(long offset, int fetchMax) {
    if (stopped) {
      throw JdbcErrors.timeout(timeoutSeconds);
    }
    if (closed) {
      return new Meta.Frame(offset, true, List.of());
    }
    long start = System.nanoTime();
    long deadline = start + budgetNanos;
    ScheduledFuture<?> alarm =
        watchdog.schedule(() -> cancel.set(true), Math.max(budgetNanos, 0), TimeUnit.NANOSECONDS);
    try {
      if (iterator == null) {
        iterator = rows.get().iterator();
      }
      long room = maxRows - sent;
      long want = fetchMax <= 0 ? room : Math.min(fetchMax, room);
      List<Object> batch = new ArrayList<>();
      while (batch.size() < want && hasNext(deadline)) {
        batch.add(iterator.next());
      }
      sent += batch.size();
      boolean done = sent >= maxRows || !hasNext(deadline);
      if (done) {
        close();
      }
      @SuppressWarnings({"unchecked", "rawtypes"})
      List<Object> frameRows =
          (List) MetaImpl.collect(cursorFactory, batch.iterator(), new ArrayList<>());
      return new Meta.Frame(offset, done, frameRows);
    } catch (RuntimeException e) {
      close();
      if (cancel.get()) {
        stopped = true;
        throw JdbcErrors.timeout(timeoutSeconds);
      }
      throw e;
    } finally {
      alarm.cancel(false);
      budgetNanos -= System.nanoTime() - start;
    }
  }

  private boolean hasNext(long deadline) {
    if (cancel.get() || System.nanoTime() - deadline > 0) {
      stopped = true;
      close();
      throw JdbcErrors.timeout(timeoutSeconds);
    }
    return iterator.hasNext();
  }

  /** Ends the execution early or at its end; Calcite's iterators hold their scans until closed. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (iterator instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.debug("closing a JDBC cursor failed: {}", e.toString());
      }
    }
  }
}
