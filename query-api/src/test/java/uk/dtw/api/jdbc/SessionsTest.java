package uk.dtw.api.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.dtw.api.snapshot.RefreshingSnapshotSource;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.support.FakeWarehouse;
import uk.dtw.model.schema.Role;

/** Which warehouse version a JDBC connection reads, and when it lets it go. */
class SessionsTest {
  private static final Duration CHECK = Duration.ofSeconds(5);
  private static final Duration IDLE = Duration.ofMinutes(10);

  private final AtomicLong latest = new AtomicLong(1);
  private final List<Long> closedVersions = new CopyOnWriteArrayList<>();
  private final TestClock clock = new TestClock();
  private final RefreshingSnapshotSource source =
      new RefreshingSnapshotSource(latest::get, this::open, CHECK, clock);
  private final Sessions sessions = new Sessions(source, 2, IDLE, clock);

  /** Version {@code v} of the fake warehouse, noting when the last user lets it go. */
  private Snapshot open(long v) {
    Connection connection = FakeWarehouse.snapshot().connection();
    return new Snapshot(
        v,
        connection,
        () -> {
          closedVersions.add(v);
          connection.close();
        });
  }

  @AfterEach
  void close() {
    sessions.close();
    source.close();
  }

  /** A load lands: the source moves to the next version at its next check. */
  private void loadLands() {
    latest.incrementAndGet();
    clock.advance(CHECK.plusSeconds(1));
    source.acquire().release();
  }

  private long versionOf(String id) {
    Session session = sessions.lock(id, Role.ANALYST);
    try {
      return session.version();
    } finally {
      session.lock.unlock();
    }
  }

  @Test
  void a_connection_keeps_the_version_it_opened_on_after_a_load() {
    sessions.open("a", Role.ANALYST);
    loadLands();
    sessions.open("b", Role.ANALYST);

    assertThat(versionOf("a")).isEqualTo(1);
    assertThat(versionOf("b")).isEqualTo(2);
    assertThat(closedVersions).as("version 1 is still read by a").isEmpty();

    sessions.close("a");
    assertThat(closedVersions).containsExactly(1L);
  }

  @Test
  void an_idle_connection_is_closed_and_its_version_let_go() {
    sessions.open("a", Role.ANALYST);
    loadLands();

    clock.advance(IDLE.minusSeconds(10));
    sessions.closeIdle();
    assertThat(versionOf("a")).as("used just now").isEqualTo(1);

    clock.advance(IDLE.minusSeconds(1));
    sessions.closeIdle();
    assertThat(versionOf("a")).as("the look above was a use").isEqualTo(1);

    clock.advance(IDLE.plusSeconds(1));
    sessions.closeIdle();
    assertThat(closedVersions).containsExactly(1L);
    assertThatThrownBy(() -> sessions.lock("a", Role.ANALYST))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("JDBC connection a is not open")
        .hasMessageContaining("idle for more than 10 min");
  }

  @Test
  void past_the_cap_a_connection_is_refused_until_one_closes() {
    sessions.open("a", Role.ANALYST);
    sessions.open("b", Role.ANALYST);

    assertThatThrownBy(() -> sessions.open("c", Role.ANALYST))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("too many open JDBC connections (2)");

    sessions.close("a");
    sessions.open("c", Role.ANALYST);
    assertThat(sessions.size()).isEqualTo(2);
  }

  @Test
  void opening_an_id_again_starts_it_afresh_on_the_current_version() {
    sessions.open("a", Role.ANALYST);
    loadLands();
    sessions.open("a", Role.ANALYST);

    assertThat(versionOf("a")).isEqualTo(2);
    assertThat(closedVersions).containsExactly(1L);
    assertThat(sessions.size()).isEqualTo(1);
  }

  /** A clock the test moves by hand. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
