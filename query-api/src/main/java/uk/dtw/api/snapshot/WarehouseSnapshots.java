package uk.dtw.api.snapshot;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import uk.dtw.warehouse.Warehouse;

/**
 * Snapshots of a warehouse folder (a local path or any Hadoop URI) through the {@link Warehouse}
 * facade, refreshed when a new load lands: the read side finds the newest version through Delta
 * Kernel, at most once per check interval, so no code here reads Delta's log by hand.
 */
public final class WarehouseSnapshots {
  private WarehouseSnapshots() {}

  /**
   * A source that serves the latest load and looks for a newer one at most every {@code
   * checkEvery}.
   */
  public static SnapshotSource refreshing(Path location, Duration checkEvery) {
    return refreshing(location.toString(), checkEvery);
  }

  /**
   * Like {@link #refreshing(Path, Duration)} for a local path or any Hadoop URI. Until a completed
   * load is seen, each check also reads meta_load's rows ({@link #latestLoadedVersion}); after it,
   * only the version (loads only add rows to meta_load).
   */
  public static SnapshotSource refreshing(String location, Duration checkEvery) {
    AtomicBoolean loaded = new AtomicBoolean();
    LongSupplier latest =
        () -> {
          if (loaded.get()) {
            return latestVersion(location);
          }
          long version = latestLoadedVersion(location);
          loaded.set(version >= 0);
          return version;
        };
    return new RefreshingSnapshotSource(
        latest, version -> open(location, version), checkEvery, Clock.systemUTC());
  }

  /** The warehouse at one version as a snapshot that closes the warehouse when released. */
  public static Snapshot open(Path location, long version) {
    return open(location.toString(), version);
  }

  /** Like {@link #open(Path, long)} for a local path or any Hadoop URI. */
  public static Snapshot open(String location, long version) {
    Warehouse warehouse = Warehouse.open(location, version);
    try {
      return Snapshot.perRole(warehouse.version(), warehouse::connection, warehouse);
    } catch (RuntimeException e) {
      try {
        warehouse.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw new IllegalStateException("cannot connect to warehouse version " + version, e);
    }
  }

  /** The newest warehouse version, or -1 when nothing was loaded (see {@link Warehouse}). */
  public static long latestVersion(Path location) {
    return latestVersion(location.toString());
  }

  /** Like {@link #latestVersion(Path)} for a local path or any Hadoop URI. */
  public static long latestVersion(String location) {
    return Warehouse.latestVersion(location);
  }

  /**
   * The newest warehouse version with a completed load in it, or -1: also -1 while the first load
   * runs, which has created the tables (meta_load's version 0, empty) but not yet committed.
   */
  public static long latestLoadedVersion(String location) {
    return Warehouse.latestCompletedVersion(location);
  }
}
