package uk.dtw.api.jdbc;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.snapshot.SnapshotSource;
import uk.dtw.model.schema.Role;

/**
 * The open JDBC connections, by the id the client gave at open.
 *
 * <p>Each one pins a warehouse version (see {@link Session}), so an open connection keeps an old
 * version's files and plans in memory after a load has moved the API on. Two plain limits keep that
 * bounded: a connection idle for longer than {@code idle} is closed (its next call is told so), and
 * at most {@code max} are open at once, past which a new one is refused. Nothing subtler (closing
 * pinned versions early, per-user quotas) until there are users to need it.
 */
final class Sessions implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sessions.class);

  private final SnapshotSource source;
  private final int max;
  private final Duration idle;
  private final Clock clock;
  private final Map<String, Session> open = new ConcurrentHashMap<>();

  Sessions(SnapshotSource source, int max, Duration idle, Clock clock) {
    this.source = source;
    this.max = max;
    this.idle = idle;
    this.clock = clock;
  }

  /**
   * Opens a session for {@code role} on the current warehouse version; an id already open starts
   * afresh.
   */
  synchronized Session open(String id, Role role) {
    if (id == null) {
      throw JdbcErrors.noConnection(null, idle);
    }
    close(id);
    if (open.size() >= max) {
      throw JdbcErrors.tooManyConnections(max, idle);
    }
    Snapshot snapshot = source.acquire();
    try {
      Session session = Session.open(id, role, snapshot, clock.instant());
      open.put(id, session);
      LOG.info("JDBC connection {} opened on warehouse version {}", id, snapshot.version());
      return session;
    } catch (SQLException | RuntimeException e) {
      snapshot.release();
      throw new IllegalStateException("cannot open a JDBC session", e);
    }
  }

  /**
   * The open session with this id, locked for the caller, who must unlock it. A session opened by
   * another role is not there for this one: a connection id is no key.
   *
   * @throws Refusal naming the id when it is not open (closed, expired, or never opened)
   */
  Session lock(String id, Role role) {
    Session session = id == null ? null : open.get(id);
    if (session != null && session.role == role) {
      session.lock.lock();
      if (!session.isClosed()) {
        session.touch(clock.instant());
        return session;
      }
      session.lock.unlock();
    }
    throw JdbcErrors.noConnection(id, idle);
  }

  /** Closes the session with this id if {@code role} opened it; another role's is not there. */
  void close(String id, Role role) {
    Session session = id == null ? null : open.get(id);
    if (session != null && session.role == role) {
      close(id);
    }
  }

  /** Closes the session with this id, if open; waits for a call running on it to end. */
  void close(String id) {
    Session session = id == null ? null : open.remove(id);
    if (session != null) {
      session.lock.lock();
      try {
        session.close();
      } finally {
        session.lock.unlock();
      }
      LOG.info("JDBC connection {} closed", id);
    }
  }

  /** Closes the sessions idle for longer than the limit; one busy right now is not idle. */
  void closeIdle() {
    Instant cutoff = clock.instant().minus(idle);
    for (Session session : List.copyOf(open.values())) {
      if (session.lastUsed().isBefore(cutoff) && session.lock.tryLock()) {
        try {
          if (session.lastUsed().isBefore(cutoff) && open.remove(session.id, session)) {
            session.close();
            LOG.info(
                "JDBC connection {} closed after {} idle (warehouse version {})",
                session.id,
                idle,
                session.version());
          }
        } finally {
          session.lock.unlock();
        }
      }
    }
  }

  int size() {
    return open.size();
  }

  @Override
  public void close() {
    List.copyOf(open.keySet()).forEach(this::close);
  }
}
