package uk.dtw.api.snapshot;

import uk.dtw.api.errors.Errors;

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

  /** Only its one version exists here. */
  @Override
  public Snapshot acquire(long version) {
    if (version != snapshot.version()) {
      throw Errors.noVersion(version, snapshot.version(), snapshot.version());
    }
    return acquire();
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
