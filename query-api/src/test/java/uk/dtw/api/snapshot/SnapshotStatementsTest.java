package uk.dtw.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Requests for the same report run side by side, each on a statement of its own, kept for reuse.
 */
class SnapshotStatementsTest {
  private static final String SQL = "VALUES 1";

  @Test
  void a_second_request_for_the_same_sql_does_not_wait_for_the_first() throws Exception {
    Connection connection = DriverManager.getConnection("jdbc:calcite:");
    Snapshot snapshot = new Snapshot(1, connection, connection);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<PreparedStatement> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return snapshot.withPrepared(
                    SQL,
                    st -> {
                      holding.countDown();
                      await(release);
                      return st;
                    });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    // While the first still holds its statement, the second runs to the end on another.
    PreparedStatement second =
        snapshot.withPrepared(
            SQL,
            st -> {
              try (var rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
              }
              return st;
            });
    assertThat(first).isNotDone();
    release.countDown();
    PreparedStatement firstStatement = first.get(10, TimeUnit.SECONDS);
    assertThat(second).isNotSameAs(firstStatement);

    // Both were kept: the next request takes one of them rather than preparing a third.
    PreparedStatement third = snapshot.withPrepared(SQL, st -> st);
    assertThat(third).isIn(firstStatement, second);
    snapshot.release();
    assertThat(connection.isClosed()).isTrue();
    assertThat(third.isClosed()).isTrue();
  }

  @Test
  void a_statement_that_failed_is_closed_and_the_least_recent_texts_go_past_the_limit()
      throws Exception {
    Connection connection = DriverManager.getConnection("jdbc:calcite:");
    Snapshot snapshot = new Snapshot(1, connection, connection);
    PreparedStatement[] failed = new PreparedStatement[1];
    try {
      snapshot.withPrepared(
          SQL,
          st -> {
            failed[0] = st;
            throw new java.sql.SQLTimeoutException("timed out");
          });
    } catch (java.sql.SQLTimeoutException expected) {
      // the caller sees the failure as it was
    }
    assertThat(failed[0].isClosed()).isTrue();
    PreparedStatement next = snapshot.withPrepared(SQL, st -> st);
    assertThat(next).isNotSameAs(failed[0]);
    assertThat(next.isClosed()).isFalse();

    // SQL was used least recently once KEPT_TEXTS other texts have been: its statement is closed.
    for (int i = 0; i < Snapshot.KEPT_TEXTS; i++) {
      snapshot.withPrepared("VALUES " + (i + 2), st -> st);
    }
    assertThat(next.isClosed()).isTrue();
    snapshot.release();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
