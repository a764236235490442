package uk.dtw.api.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.model.schema.Role;

/**
 * One pinned warehouse version: its Calcite connection, the statements prepared on it, and a count
 * of the requests using it so that a retired version closes only when the last one ends.
 *
 * <p>{@link #connection()} reads everything: it is the named reports' own, whose SQL is ours. What
 * a caller's own SQL runs on is {@link #as(Role)}: the same version over only what that role may
 * read, with its own statements and memos (a catalogue per role).
 */
public final class Snapshot {
  private static final Logger LOG = LoggerFactory.getLogger(Snapshot.class);

  private final long version;
  private final Connection connection;
  private final AutoCloseable owner;
  private final RoleConnections connections;
  private final Snapshot base;
  private final Map<Role, Snapshot> roles = new EnumMap<>(Role.class);

  /** Where a snapshot's per-role connections come from (see {@link #as(Role)}). */
  @FunctionalInterface
  public interface RoleConnections {
    Connection connection(Role role) throws SQLException;
  }

  /** Plans kept per version: the named reports' few texts and the most recent ad-hoc ones. */
  static final int KEPT_TEXTS = 256;

  /**
   * Per SQL text, its prepared statements not in use right now; the least recently used text goes
   * (its idle statements closed) once more than {@link #KEPT_TEXTS} are kept.
   */
  private final Map<String, Deque<PreparedStatement>> idle =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<PreparedStatement>> eldest) {
          if (size() <= KEPT_TEXTS) {
            return false;
          }
          eldest.getValue().forEach(Snapshot::closeQuietly);
          return true;
        }
      };

  private final Map<String, Object> memos = new ConcurrentHashMap<>();

  /**
   * Held while a recursive query runs: Calcite registers a recursive query's working table in the
   * connection's root schema by the CTE's name, so two running at once on one version read each
   * other's rows (one gave COUNT(*) = 1 for an endless CTE).
   */
  private final java.util.concurrent.locks.ReentrantLock recursive =
      new java.util.concurrent.locks.ReentrantLock();

  /** Named reports' answers, per request: 64 MiB per version at most. */
  private final Answers answers = new Answers(64L << 20);

  /** Starts at 1: the reference its source holds while this is the current version. */
  private final AtomicInteger users = new AtomicInteger(1);

  /**
   * A snapshot whose one connection serves every role: for schemas made by hand (tests), where
   * nothing is hidden from anyone.
   */
  public Snapshot(long version, Connection connection, AutoCloseable owner) {
    this(version, connection, owner, role -> connection, null);
  }

  /** A snapshot whose roles each read through their own connection; the admin's reads all. */
  public static Snapshot perRole(long version, RoleConnections connections, AutoCloseable owner) {
    return new Snapshot(version, connect(connections, Role.ADMIN), owner, connections, null);
  }

  private Snapshot(
      long version,
      Connection connection,
      AutoCloseable owner,
      RoleConnections connections,
      Snapshot base) {
    this.version = version;
    this.connection = connection;
    this.owner = owner;
    this.connections = connections;
    this.base = base;
  }

  private static Connection connect(RoleConnections connections, Role role) {
    try {
      return connections.connection(role);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect as " + role.id(), e);
    }
  }

  /**
   * This version as {@code role} may read it: a snapshot whose connection holds nothing else, for
   * running a caller's SQL and describing what it can name. Held and released with this one.
   */
  public Snapshot as(Role role) {
    if (base != null) {
      return base.as(role);
    }
    synchronized (roles) {
      return roles.computeIfAbsent(
          role, r -> new Snapshot(version, connect(connections, r), null, connections, this));
    }
  }

  public long version() {
    return version;
  }

  public Connection connection() {
    return connection;
  }

  /** What a caller does with a prepared statement it holds alone. */
  @FunctionalInterface
  public interface StatementUse<T> {
    T apply(PreparedStatement statement) throws SQLException;
  }

  /**
   * Runs {@code use} on a statement prepared for this SQL text that no other request is using:
   * Calcite re-plans the same text every time, a reused PreparedStatement does not. A JDBC
   * statement serves one execution at a time, so concurrent requests for the same report each get
   * their own, prepared once and kept for the next: none queues behind another.
   */
  public <T> T withPrepared(String sql, StatementUse<T> use) throws SQLException {
    Deque<PreparedStatement> free;
    synchronized (idle) {
      free = idle.computeIfAbsent(sql, k -> new ConcurrentLinkedDeque<>());
    }
    PreparedStatement statement = free.pollFirst();
    if (statement == null) {
      statement = connection.prepareStatement(sql);
    }
    boolean reusable = false;
    try {
      T result = use.apply(statement);
      reusable = true;
      return result;
    } finally {
      // A statement that failed (timed out, cancelled) is not trusted again; one whose text was
      // dropped meanwhile has no list to go back to.
      boolean kept;
      synchronized (idle) {
        kept = reusable && idle.get(sql) == free;
        if (kept) {
          free.offerFirst(statement);
        }
      }
      if (!kept) {
        closeQuietly(statement);
      }
    }
  }

  private static void closeQuietly(PreparedStatement statement) {
    try {
      statement.close();
    } catch (SQLException e) {
      LOG.debug("closing a statement failed: {}", e.toString());
    }
  }

  /**
   * What {@code compute} gives, computed once for this version: a version never changes, so neither
   * does anything read from it alone (the names of its partnerships, say).
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, java.util.function.Supplier<T> compute) {
    return (T) memos.computeIfAbsent(key, k -> compute.get());
  }

  /** The lock a recursive query holds while it runs on this version (see the field). */
  public java.util.concurrent.locks.ReentrantLock recursiveQueries() {
    return recursive;
  }

  /** The answers this version has given to named reports (see {@link Answers}). */
  public Answers answers() {
    return answers;
  }

  /** Takes a reference for one request; false when the snapshot has already closed. */
  boolean retain() {
    if (base != null) {
      return base.retain();
    }
    while (true) {
      int n = users.get();
      if (n == 0) {
        return false;
      }
      if (users.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  /** Drops a reference; the last one closes the statements and the warehouse. */
  public void release() {
    if (base != null) {
      base.release();
      return;
    }
    if (users.decrementAndGet() == 0) {
      close();
    }
  }

  private void close() {
    try {
      synchronized (roles) {
        roles.values().forEach(Snapshot::closeStatements);
      }
      closeStatements();
      owner.close();
    } catch (Exception e) {
      // Nothing a caller can do; say so in the log rather than lose it.
      LOG.warn("closing warehouse version {} failed: {}", version, e.toString());
    }
  }

  private void closeStatements() {
    synchronized (idle) {
      idle.values().forEach(statements -> statements.forEach(Snapshot::closeQuietly));
    }
  }
}
