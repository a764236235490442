package uk.dtw.warehouse.calcite;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;

/**
 * The check a scan makes between rows and batches: it throws once the statement is cancelled
 * ({@code Statement.cancel()} sets Calcite's cancel flag) or its query timeout has passed, so that
 * a long scan stops instead of reading on for an answer nobody will read.
 */
final class ScanCancellation implements Runnable {
  private final AtomicBoolean flag;
  private final long deadlineNanos;
  private final long timeoutMillis;
  private final String table;

  private ScanCancellation(AtomicBoolean flag, long timeoutMillis, String table) {
    this.flag = flag;
    this.timeoutMillis = timeoutMillis;
    // Measured from when the scan is set up, at the start of execution.
    this.deadlineNanos = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : 0;
    this.table = table;
  }

  static ScanCancellation of(DataContext root, String table) {
    Object flag = root.get(DataContext.Variable.CANCEL_FLAG.camelName);
    Object timeout = root.get(DataContext.Variable.TIMEOUT.camelName);
    return new ScanCancellation(
        flag instanceof AtomicBoolean b ? b : new AtomicBoolean(),
        timeout instanceof Long ms ? ms : 0L,
        table);
  }

  @Override
  public void run() {
    if (flag.get()) {
      throw new CancellationException("Statement cancelled while scanning " + table);
    }
    if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
      throw new CancellationException(
          "Query timeout of " + timeoutMillis + " ms reached while scanning " + table);
    }
  }
}
