package uk.dtw.api.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import uk.dtw.model.schema.AuditTables;
import uk.dtw.warehouse.Warehouse;

/**
 * Snapshots of a warehouse folder through the {@link Warehouse} facade, refreshed when a new load
 * lands. The newest version is found by listing meta_load's Delta log ({@code
 * 00000000000000000007.json} is version 7: the Delta protocol's file naming), which costs one
 * directory listing, not a snapshot load, so checking on the request path is cheap.
 */
public final class WarehouseSnapshots {
  private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");

  private WarehouseSnapshots() {}

  /**
   * A source that serves the latest load and looks for a newer one at most every {@code
   * checkEvery}.
   */
  public static SnapshotSource refreshing(Path location, Duration checkEvery) {
    return new RefreshingSnapshotSource(
        () -> latestVersion(location),
        version -> open(location, version),
        checkEvery,
        Clock.systemUTC());
  }

  /** The warehouse at one version as a snapshot that closes the warehouse when released. */
  public static Snapshot open(Path location, long version) {
    Warehouse warehouse = Warehouse.open(location.toString(), version);
    try {
      return new Snapshot(warehouse.version(), warehouse.connection(), warehouse);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to warehouse version " + version, e);
    }
  }

  /** The newest warehouse version (meta_load's Delta version), or -1 when nothing was loaded. */
  public static long latestVersion(Path location) {
    Path log = location.resolve(AuditTables.META_LOAD.relativePath()).resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return -1;
    }
    try (Stream<Path> files = Files.list(log)) {
      return files
          .map(p -> COMMIT.matcher(p.getFileName().toString()))
          .filter(Matcher::matches)
          .mapToLong(m -> Long.parseLong(m.group(1)))
          .max()
          .orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
  }
}
