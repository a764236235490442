package uk.dtw.api.limits;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import uk.dtw.api.errors.Errors;

/**
 * The named reports computed at once, across the JVM: two per core, since a report is CPU work on a
 * pinned version. A request that cannot start within {@link #WAIT_SECONDS} is answered 503 with
 * Retry-After, rather than holding its connection until the client's own timeout. Answers already
 * kept are sent without a worker.
 */
public final class ReportWorkers {
  public static final int WAIT_SECONDS = 10;
  private static final Semaphore WORKERS =
      new Semaphore(2 * Runtime.getRuntime().availableProcessors(), true);

  private ReportWorkers() {}

  /** Work that may throw what a route body throws. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  public static void run(Work work) throws Exception {
    if (!WORKERS.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw Errors.overloaded(WAIT_SECONDS);
    }
    try {
      work.run();
    } finally {
      WORKERS.release();
    }
  }
}
