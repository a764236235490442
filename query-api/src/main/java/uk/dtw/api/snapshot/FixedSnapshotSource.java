package uk.dtw.api.snapshot;

/** A source that serves one snapshot for its whole life: the "open once at start" policy. */
public final class FixedSnapshotSource implements SnapshotSource {
    private final Snapshot snapshot;

    public FixedSnapshotSource(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    public Snapshot acquire() {
        if (!snapshot.retain()) {
            throw new IllegalStateException("snapshot source already closed");
        }
        return snapshot;
    }

    @Override
    public long currentVersion() {
        return snapshot.version();
    }

    @Override
    public void close() {
        snapshot.release();
    }
}
