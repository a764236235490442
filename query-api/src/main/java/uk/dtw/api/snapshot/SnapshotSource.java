package uk.dtw.api.snapshot;

/** Where requests get the warehouse version they answer from. */
public interface SnapshotSource extends AutoCloseable {
  /**
   * The current snapshot, retained for the caller, who must {@link Snapshot#release()} it.
   *
   * @throws uk.dtw.api.errors.ApiError (503) when nothing has been loaded
   */
  Snapshot acquire();

  /**
   * Warehouse version {@code version} as it stood then (the {@code as_of} parameter), retained for
   * the caller, who must release it.
   *
   * @throws uk.dtw.api.errors.ApiError (404 naming as_of and the versions that exist) when it does
   *     not exist
   */
  Snapshot acquire(long version);

  /** The version a new request would see now, without retaining it; -1 when nothing is loaded. */
  long currentVersion();

  @Override
  void close();
}
