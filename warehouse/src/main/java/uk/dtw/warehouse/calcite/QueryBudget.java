package uk.dtw.warehouse.calcite;

import java.lang.management.ManagementFactory;
import java.util.function.BooleanSupplier;

/**
 * How much memory the query running on this thread may allocate before it is stopped, once the heap
 * runs short: set by the caller around a user's query ({@link #start}), read by every {@link
 * QueryCheckpoint} the query makes. What a query holds is never more than what it has allocated, so
 * stopping the queries past their allocation budget frees the heap of the ones that fill it. While
 * the heap has room the budget is not enforced: a scan streams through gigabytes it never holds,
 * and the time limit bounds it.
 */
public final class QueryBudget {
  private static final ThreadLocal<QueryBudget> CURRENT = new ThreadLocal<>();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final long limitBytes;
  private final long allocatedAtStart;
  private final BooleanSupplier heapShort;

  private QueryBudget(long limitBytes, BooleanSupplier heapShort) {
    this.limitBytes = limitBytes;
    this.allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
    this.heapShort = heapShort;
  }

  /** The thread's budget while the scope is open, enforced when the heap runs short. */
  public static Scope start(long limitBytes) {
    return start(limitBytes, HeapGauge::short_);
  }

  /** As {@link #start(long)}, with the test of a short heap given (always true: a plain cap). */
  public static Scope start(long limitBytes, BooleanSupplier heapShort) {
    QueryBudget before = CURRENT.get();
    CURRENT.set(new QueryBudget(limitBytes, heapShort));
    return () -> CURRENT.set(before);
  }

  static QueryBudget current() {
    return CURRENT.get();
  }

  void check(String where) {
    long used = THREADS.getCurrentThreadAllocatedBytes() - allocatedAtStart;
    if (used > limitBytes && heapShort.getAsBoolean()) {
      throw new MemoryLimitExceeded(
          "Query allocated more than its limit of "
              + (limitBytes >> 20)
              + " MiB while reading "
              + where);
    }
  }

  /** The open budget of one query; closing it restores what the thread had before. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** Thrown by a checkpoint of a query past its memory budget. */
  public static final class MemoryLimitExceeded extends java.util.concurrent.CancellationException {
    private static final long serialVersionUID = 1L;

    MemoryLimitExceeded(String message) {
      super(message);
    }
  }
}
