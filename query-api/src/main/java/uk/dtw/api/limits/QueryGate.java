package uk.dtw.api.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import uk.dtw.api.errors.Errors;

/**
 * Admission for ad-hoc queries: at most {@code perCaller} running for one caller and {@code total}
 * for everyone. A query over either is refused at once (429, retry shortly) rather than queued: a
 * queued query holds its connection and its client's patience for nothing.
 */
public final class QueryGate {
  private final int perCaller;
  private final int total;
  private final AtomicInteger running = new AtomicInteger();

  /** Running queries per caller; a caller with none has no entry (updated atomically per key). */
  private final ConcurrentHashMap<String, Integer> byCaller = new ConcurrentHashMap<>();

  public QueryGate(SqlLimits limits) {
    this.perCaller = limits.perCaller();
    this.total = limits.total();
  }

  /** A place for one query of {@code caller}; close it when the query ends, however it ends. */
  public Permit enter(String caller) {
    if (byCaller.merge(caller, 1, Integer::sum) > perCaller) {
      leave(caller);
      throw Errors.busy(
          "you already have " + perCaller + " queries running", "wait for one to finish");
    }
    if (running.incrementAndGet() > total) {
      running.decrementAndGet();
      leave(caller);
      throw Errors.busy(total + " queries are running, the most at once", "retry in a second");
    }
    return () -> {
      running.decrementAndGet();
      leave(caller);
    };
  }

  /** Queries running now, over every caller: zero when the service is idle. */
  public int running() {
    return running.get();
  }

  private void leave(String caller) {
    byCaller.computeIfPresent(caller, (k, n) -> n == 1 ? null : n - 1);
  }

  /** One admitted query. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
