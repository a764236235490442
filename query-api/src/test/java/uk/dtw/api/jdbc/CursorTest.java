package uk.dtw.api.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.avatica.Meta;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** One execution's rows: the row cap, and the time limit counted while the server works. */
class CursorTest {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor();

  private final AtomicBoolean cancel = new AtomicBoolean();
  private final AtomicInteger runs = new AtomicInteger();

  @AfterAll
  static void stop() {
    WATCHDOG.shutdownNow();
  }

  /** Rows 0..n-1 as Calcite gives them (Object[] per row), each taking {@code millis} to make. */
  private Iterable<Object> rows(int n, long millis) {
    runs.incrementAndGet();
    return () ->
        new Iterator<>() {
          int next;

          @Override
          public boolean hasNext() {
            return next < n;
          }

          @Override
          public Object next() {
            sleep(millis);
            return new Object[] {next++};
          }
        };
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Cursor cursor(Iterable<Object> rows, long maxRows, int timeoutSeconds) {
    return new Cursor(
        () -> rows, Meta.CursorFactory.ARRAY, maxRows, timeoutSeconds, cancel, WATCHDOG);
  }

  private static List<Object> values(Meta.Frame frame) {
    List<Object> values = new ArrayList<>();
    frame.rows.forEach(row -> values.add(((List<?>) row).get(0)));
    return values;
  }

  @Test
  void rows_come_in_frames_of_the_size_asked_until_done() {
    Cursor cursor = cursor(rows(5, 0), 100, 30);

    Meta.Frame first = cursor.fetch(0, 2);
    Meta.Frame second = cursor.fetch(2, 2);
    Meta.Frame last = cursor.fetch(4, 2);

    assertThat(values(first)).containsExactly(0, 1);
    assertThat(first.done).isFalse();
    assertThat(values(second)).containsExactly(2, 3);
    assertThat(values(last)).containsExactly(4);
    assertThat(last.done).isTrue();
  }

  @Test
  void the_query_runs_at_the_first_fetch_not_before() {
    Cursor cursor =
        new Cursor(() -> rows(1, 0), Meta.CursorFactory.ARRAY, 10, 30, cancel, WATCHDOG);
    assertThat(runs).hasValue(0);
    cursor.fetch(0, 10);
    assertThat(runs).hasValue(1);
  }

  @Test
  void the_row_cap_ends_the_result_however_many_rows_there_are() {
    Cursor cursor = cursor(rows(10, 0), 3, 30);

    Meta.Frame frame = cursor.fetch(0, 100);

    assertThat(values(frame)).containsExactly(0, 1, 2);
    assertThat(frame.done).isTrue();
  }

  @Test
  void work_past_the_time_limit_is_stopped_between_rows() {
    Cursor cursor = cursor(rows(1000, 50), 1000, 1); // 50 s of work, 1 s allowed

    long start = System.nanoTime();
    assertThatThrownBy(() -> cursor.fetch(0, 1000))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("query ran longer than 1 s and was stopped");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    assertThatThrownBy(() -> cursor.fetch(0, 1000)).hasMessageContaining("ran longer");
  }

  @Test
  void the_limit_counts_work_across_fetches() {
    Cursor cursor = cursor(rows(100, 100), 1000, 1); // 10 rows a second

    cursor.fetch(0, 6); // 0.6 s
    assertThatThrownBy(() -> cursor.fetch(6, 6)) // 1.2 s in all
        .hasMessageContaining("ran longer than 1 s");
  }

  @Test
  void time_the_client_spends_between_fetches_does_not_count() {
    Cursor cursor = cursor(rows(100, 100), 1000, 1);

    cursor.fetch(0, 3); // 0.3 s
    sleep(1500); // the user reads the first rows
    Meta.Frame next = cursor.fetch(3, 3); // 0.6 s of work in all

    assertThat(values(next)).containsExactly(3, 4, 5);
  }

  @Test
  void a_scan_that_checks_the_cancel_flag_is_stopped_inside_one_row() {
    // As the warehouse's Delta scans do: work until the flag is set, then throw.
    Iterable<Object> scan =
        () ->
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                while (!cancel.get()) {
                  sleep(10);
                }
                throw new CancellationException("Statement cancelled while scanning t");
              }

              @Override
              public Object next() {
                throw new AssertionError();
              }
            };
    Cursor cursor = cursor(scan, 10, 1);

    long start = System.nanoTime();
    assertThatThrownBy(() -> cursor.fetch(0, 10))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("ran longer than 1 s");
    assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 5_000L);
  }
}
