package uk.dtw.api.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import uk.dtw.api.errors.ApiError;

class RefreshingSnapshotSourceTest {
  private final AtomicLong latest = new AtomicLong(3);
  private final List<Long> closed = new ArrayList<>();
  private final MutableClock clock = new MutableClock();

  private RefreshingSnapshotSource source() {
    return new RefreshingSnapshotSource(
        latest::get, v -> new Snapshot(v, null, () -> closed.add(v)), Duration.ofSeconds(5), clock);
  }

  @Test
  void serves_the_latest_version_at_start() {
    assertThat(source().acquire().version()).isEqualTo(3);
  }

  @Test
  void a_new_load_is_not_looked_for_before_the_check_interval() {
    RefreshingSnapshotSource source = source();
    latest.set(4);
    clock.advance(Duration.ofSeconds(4));

    assertThat(source.acquire().version()).isEqualTo(3);
  }

  @Test
  void
      a_new_load_is_served_after_the_interval_and_the_old_version_closes_when_its_last_request_ends() {
    RefreshingSnapshotSource source = source();
    Snapshot inFlight = source.acquire();
    latest.set(4);
    clock.advance(Duration.ofSeconds(6));

    Snapshot next = source.acquire();

    assertThat(next.version()).isEqualTo(4);
    assertThat(closed).isEmpty();
    inFlight.release();
    assertThat(closed).containsExactly(3L);
    next.release();
    source.close();
    assertThat(closed).containsExactly(3L, 4L);
  }

  @Test
  void as_of_an_older_version_opens_it_for_that_request_alone() {
    RefreshingSnapshotSource source = source();

    Snapshot old = source.acquire(1);

    assertThat(old.version()).isEqualTo(1);
    old.release();
    assertThat(closed).containsExactly(1L);
    assertThat(source.acquire(3).version()).isEqualTo(3);
  }

  @Test
  void as_of_a_version_that_does_not_exist_is_a_404_naming_as_of_and_the_range() {
    assertThatThrownBy(() -> source().acquire(9))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.parameter()).isEqualTo("as_of");
              assertThat(e.getMessage()).isEqualTo("no warehouse version 9: versions 0 to 3 exist");
            });
  }

  @Test
  void an_empty_warehouse_answers_503() {
    latest.set(-1);

    assertThatThrownBy(() -> source().acquire())
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(503));
  }

  @Test
  void an_empty_warehouse_says_it_waits_for_its_first_load_with_retry_after() {
    latest.set(-1);

    assertThatThrownBy(() -> source().acquire())
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(uk.dtw.api.errors.Errors.isNothingLoaded(e)).isTrue();
              assertThat(e.getMessage()).contains("no version yet");
              assertThat(e.details()).containsEntry("retry_after_seconds", 2);
            });
  }

  @Test
  void the_first_load_is_looked_for_every_second_and_served_without_a_restart() {
    latest.set(-1);
    RefreshingSnapshotSource source = source();
    assertThat(source.currentVersion()).isEqualTo(-1);
    latest.set(0);
    clock.advance(Duration.ofMillis(500));
    assertThatThrownBy(source::acquire).isInstanceOf(ApiError.class);

    clock.advance(Duration.ofMillis(600));
    Snapshot first = source.acquire();

    assertThat(first.version()).isZero();
    first.release();
    // Once there is a version, newer ones are looked for at the usual interval again.
    latest.set(1);
    clock.advance(Duration.ofSeconds(2));
    Snapshot still = source.acquire();
    assertThat(still.version()).isZero();
    still.release();
    clock.advance(Duration.ofSeconds(4));
    assertThat(source.acquire().version()).isEqualTo(1);
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2010-04-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
