package uk.dtw.api.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.errors.Errors;
import uk.dtw.warehouse.WarehouseException;

/**
 * A source that keeps one opened warehouse version and, at most once per check interval, asks
 * whether a newer one has been loaded; if so it opens that and retires the old one, which closes
 * when the last request using it finishes. A request never sees two versions.
 *
 * <p>Started over a warehouse with no version yet (nothing loaded, or the folder not there yet), it
 * answers {@link Errors#nothingLoaded()} and looks for the first version more often, every {@link
 * #WHILE_EMPTY} at most, so the first load is served within about a second of its commit.
 */
public final class RefreshingSnapshotSource implements SnapshotSource {
  private static final Logger LOG = LoggerFactory.getLogger(RefreshingSnapshotSource.class);

  /** How often, at most, the first version is looked for while there is none. */
  static final Duration WHILE_EMPTY = Duration.ofSeconds(1);

  private final LongSupplier latestVersion;
  private final LongFunction<Snapshot> opener;
  private final Duration checkEvery;
  private final Clock clock;
  private volatile Snapshot current;
  private volatile Instant lastCheck;

  /**
   * @param latestVersion a cheap look at the newest warehouse version (-1 when none)
   * @param opener opens the warehouse at a given version
   */
  public RefreshingSnapshotSource(
      LongSupplier latestVersion, LongFunction<Snapshot> opener, Duration checkEvery, Clock clock) {
    this.latestVersion = latestVersion;
    this.opener = opener;
    this.checkEvery = checkEvery;
    this.clock = clock;
    long version = latestVersion.getAsLong();
    this.current = version < 0 ? null : opener.apply(version);
    this.lastCheck = clock.instant();
  }

  @Override
  public Snapshot acquire() {
    refreshIfDue();
    while (true) {
      Snapshot snapshot = current;
      if (snapshot == null) {
        throw Errors.nothingLoaded();
      }
      if (snapshot.retain()) {
        return snapshot;
      }
      // Lost a race with a refresh that retired it: take the new one.
    }
  }

  /**
   * The current snapshot when asked for its version; otherwise that version opened for this request
   * alone (it closes when released). Opening costs about a second, which is fine for the occasional
   * look back; a cache of recent versions would go here if it became common.
   */
  @Override
  public Snapshot acquire(long version) {
    Snapshot current = acquire();
    if (current.version() == version) {
      return current;
    }
    current.release();
    long latest = latestVersion.getAsLong();
    if (version < 0 || version > latest) {
      throw Errors.noVersion(version, 0, latest);
    }
    try {
      return opener.apply(version);
    } catch (WarehouseException e) {
      if (e.kind() == WarehouseException.Kind.UNREADABLE) {
        throw e;
      }
      throw Errors.noVersion(version, 0, latest);
    }
  }

  @Override
  public long currentVersion() {
    Snapshot snapshot = current;
    return snapshot == null ? -1 : snapshot.version();
  }

  private Instant nextCheck() {
    Duration every =
        current == null && WHILE_EMPTY.compareTo(checkEvery) < 0 ? WHILE_EMPTY : checkEvery;
    return lastCheck.plus(every);
  }

  private void refreshIfDue() {
    if (clock.instant().isBefore(nextCheck())) {
      return;
    }
    synchronized (this) {
      Instant now = clock.instant();
      if (now.isBefore(nextCheck())) {
        return;
      }
      lastCheck = now;
      long latest = latestVersion.getAsLong();
      if (latest > currentVersion()) {
        Snapshot old = current;
        try {
          current = opener.apply(latest);
        } catch (RuntimeException e) {
          // Keep answering from the version we have; the next check tries again.
          LOG.warn(
              "cannot open warehouse version {}, still serving {}", latest, currentVersion(), e);
          return;
        }
        LOG.info("serving warehouse version {} (was {})", latest, old == null ? -1 : old.version());
        if (old != null) {
          old.release();
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    Snapshot old = current;
    current = null;
    if (old != null) {
      old.release();
    }
  }
}
