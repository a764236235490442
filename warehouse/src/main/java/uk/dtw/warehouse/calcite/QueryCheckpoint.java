package uk.dtw.warehouse.calcite;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The check a running query makes between rows: it throws once the statement is cancelled ({@code
 * Statement.cancel()} sets Calcite's cancel flag), its query timeout has passed, or the thread has
 * allocated more than its {@link QueryBudget}. Scans make it between batches and rows, and every
 * operator makes it on each row it reads ({@link CancelCheck}): Calcite's own operators never look
 * at the flag, so without this a sort, join or recursive union runs to its end.
 */
public final class QueryCheckpoint implements Runnable {
  /**
   * The clock and the thread's allocation counter are read once in this many checks; the cancel
   * flag on every one. Each read cost 135-275 ns on this VM, more than most operators spend on a
   * row; a row takes far less than the slack this leaves (a time limit is seconds).
   */
  static final int CLOCK_STRIDE = 32;

  private final AtomicBoolean flag;
  private int sinceClock;
  private final long deadlineNanos;
  private final long timeoutMillis;
  private final QueryBudget budget;
  private final String where;

  private QueryCheckpoint(AtomicBoolean flag, long timeoutMillis, String where) {
    this.flag = flag;
    this.timeoutMillis = timeoutMillis;
    // Measured from when the operator is set up, at the start of execution.
    this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
    this.budget = QueryBudget.current();
    this.where = where;
  }

  /** The checkpoint of the statement that {@code root} belongs to. */
  public static QueryCheckpoint of(DataContext root, String where) {
    Object flag = root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    Object timeout = root.get(DataContext.Variable.TIMEOUT.camelName);
    return new QueryCheckpoint(
        flag instanceof AtomicBoolean b ? b : new AtomicBoolean(),
        timeout instanceof Long ms ? ms : 0L,
        where);
  }

  /**
   * {@code rows}, checked before each row is handed on: what the code {@link CancelCheck} generates
   * calls. With {@code values}, each row's values are held to {@link ValueSize#MAX} too: asked for
   * the rows of operators that compute, not of scans and literal VALUES, which only hand on what
   * the warehouse or the query's text holds.
   */
  public static <T> Enumerable<T> checked(
      Enumerable<T> rows, DataContext root, String where, boolean values) {
    return new AbstractEnumerable<T>() {
      @Override
      public Enumerator<T> enumerator() {
        QueryCheckpoint check = of(root, where);
        Enumerator<T> inner = rows.enumerator();
        return new Enumerator<T>() {
          @Override
          public T current() {
            return inner.current();
          }

          @Override
          public boolean moveNext() {
            check.beforeRow();
            if (!inner.moveNext()) {
              return false;
            }
            if (values) {
              ValueSize.check(inner.current(), where);
            }
            return true;
          }

          @Override
          public void reset() {
            inner.reset();
          }

          @Override
          public void close() {
            inner.close();
          }
        };
      }
    };
  }

  /**
   * The check before a row: the cancel flag every time, the clock and the memory budget every
   * {@link #CLOCK_STRIDE}th row. One checkpoint serves one enumerator, on one thread.
   */
  public void beforeRow() {
    if (++sinceClock < CLOCK_STRIDE) {
      if (flag.get()) {
        throw new CancellationException("Statement cancelled while reading " + where);
      }
      return;
    }
    sinceClock = 0;
    run();
  }

  /** The whole check: between batches and while waiting, where it is cheap beside the work. */
  @Override
  public void run() {
    if (flag.get()) {
      throw new CancellationException("Statement cancelled while reading " + where);
    }
    if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
      throw new CancellationException(
          "Query timeout of " + timeoutMillis + " ms reached while reading " + where);
    }
    if (budget != null) {
      budget.check(where);
    }
  }
}
