package uk.dtw.api.snapshot;

/** Where requests get the warehouse version they answer from. */
public interface SnapshotSource extends AutoCloseable {
    /**
     * The current snapshot, retained for the caller, who must {@link Snapshot#release()} it.
     *
     * @throws uk.dtw.api.errors.ApiError (503) when nothing has been loaded
     */
    Snapshot acquire();

    /** The version a new request would see now, without retaining it; -1 when nothing is loaded. */
    long currentVersion();

    @Override
    void close();
}
