package uk.dtw.api.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.errors.ApiError;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.snapshot.SnapshotSource;
import uk.dtw.api.sql.SqlFailures;
import uk.dtw.api.sql.SqlGuard;

/**
 * The Avatica {@link Meta} behind the JDBC endpoint. Each remote connection is pinned to the
 * warehouse version current when it opened (Calcite's own Meta over that snapshot's connection), so
 * its answers stay consistent while loads land; it is closed after {@link #IDLE} without use so an
 * old version is not held open forever. Every statement text passes {@link SqlGuard} (one query, no
 * writes), batches are refused, rows are capped and the ad-hoc time limit applies, as for POST
 * /sql. Errors reach the client as a message without a server stack trace.
 */
final class PinnedConnections implements InvocationHandler {
  static final Duration IDLE = Duration.ofMinutes(10);
  static final int MAX_CONNECTIONS = 32;
  private static final Logger LOG = LoggerFactory.getLogger(PinnedConnections.class);

  private record Pinned(Snapshot snapshot, Meta meta, AvaticaConnection calcite, long[] lastUsed) {
    void touch() {
      lastUsed[0] = System.nanoTime();
    }
  }

  private final SnapshotSource source;
  private final long maxRows;
  private final int timeoutSeconds;
  private final Map<String, Pinned> open = new ConcurrentHashMap<>();

  private PinnedConnections(SnapshotSource source, long maxRows, int timeoutSeconds) {
    this.source = source;
    this.maxRows = maxRows;
    this.timeoutSeconds = timeoutSeconds;
  }

  static PinnedConnections of(SnapshotSource source, long maxRows, int timeoutSeconds) {
    return new PinnedConnections(source, maxRows, timeoutSeconds);
  }

  Meta meta() {
    return (Meta)
        Proxy.newProxyInstance(Meta.class.getClassLoader(), new Class<?>[] {Meta.class}, this);
  }

  int openCount() {
    return open.size();
  }

  /** Closes the connections idle for longer than {@link #IDLE}, releasing their versions. */
  void closeIdle() {
    long now = System.nanoTime();
    open.forEach(
        (id, p) -> {
          if (now - p.lastUsed()[0] > IDLE.toNanos()) {
            close(id);
          }
        });
  }

  void closeAll() {
    open.keySet().forEach(this::close);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (method.getDeclaringClass() == Object.class) {
      return method.invoke(this, args);
    }
    try {
      if (name.equals("openConnection")) {
        openConnection((Meta.ConnectionHandle) args[0], args);
        return null;
      }
      if (name.equals("closeConnection")) {
        close(((Meta.ConnectionHandle) args[0]).id);
        return null;
      }
      if (name.equals("prepareAndExecuteBatch") || name.equals("executeBatch")) {
        throw refusal("batches are not accepted: this endpoint is read-only, one query at a time");
      }
      Pinned pinned = pinnedFor(args);
      pinned.touch();
      if (name.equals("prepare") || name.equals("prepareAndExecute")) {
        args[1] = SqlGuard.check((String) args[1]);
        long asked = (Long) args[2];
        args[2] = asked <= 0 ? maxRows : Math.min(asked, maxRows);
        if (name.equals("prepareAndExecute")) {
          limitTime(pinned, (Meta.StatementHandle) args[0]);
        }
      }
      return method.invoke(pinned.meta(), args);
    } catch (InvocationTargetException e) {
      throw clean(e.getCause());
    } catch (RuntimeException e) {
      throw clean(e);
    }
  }

  private void openConnection(Meta.ConnectionHandle handle, Object[] args) throws SQLException {
    if (open.size() >= MAX_CONNECTIONS) {
      closeIdle();
      if (open.size() >= MAX_CONNECTIONS) {
        throw refusal(
            "too many JDBC connections open ("
                + MAX_CONNECTIONS
                + "): close one, or wait for idle ones to be closed after "
                + IDLE.toMinutes()
                + " minutes");
      }
    }
    Snapshot snapshot = source.acquire();
    try {
      CalciteConnection calcite = snapshot.connection().unwrap(CalciteConnection.class);
      Meta meta = CalciteMetaImpl.create(calcite);
      @SuppressWarnings("unchecked")
      Map<String, String> info = (Map<String, String>) args[1];
      meta.openConnection(handle, info);
      Pinned pinned =
          new Pinned(snapshot, meta, calcite.unwrap(AvaticaConnection.class), new long[1]);
      pinned.touch();
      open.put(handle.id, pinned);
      LOG.debug("JDBC connection {} pinned to warehouse version {}", handle.id, snapshot.version());
    } catch (SQLException | RuntimeException e) {
      snapshot.release();
      throw e;
    }
  }

  private void close(String id) {
    Pinned pinned = open.remove(id);
    if (pinned != null) {
      try {
        pinned.meta().closeConnection(new Meta.ConnectionHandle(id));
      } catch (RuntimeException e) {
        LOG.debug("closing JDBC connection {}", id, e);
      } finally {
        pinned.snapshot().release();
      }
    }
  }

  private Pinned pinnedFor(Object[] args) {
    String id = null;
    if (args != null && args.length > 0) {
      if (args[0] instanceof Meta.ConnectionHandle c) {
        id = c.id;
      } else if (args[0] instanceof Meta.StatementHandle s) {
        id = s.connectionId;
      }
    }
    Pinned pinned = id == null ? null : open.get(id);
    if (pinned == null && id != null) {
      // Calcite's metadata result sets name the snapshot's own connection, not the remote one.
      for (Pinned p : open.values()) {
        if (p.calcite().id.equals(id)) {
          pinned = p;
          break;
        }
      }
    }
    if (pinned == null) {
      throw refusal(
          "no open JDBC connection "
              + id
              + ": it was closed (idle for "
              + IDLE.toMinutes()
              + " minutes, or the server restarted); connect again");
    }
    return pinned;
  }

  /** The ad-hoc time limit on the statement, which Calcite passes to the scans that check it. */
  private void limitTime(Pinned pinned, Meta.StatementHandle handle) throws SQLException {
    AvaticaStatement statement = pinned.calcite().statementMap.get(handle.id);
    if (statement != null) {
      statement.setQueryTimeout(timeoutSeconds);
    }
  }

  /** What the client sees: the caller's mistake in words, or a generic line; never our stack. */
  private Throwable clean(Throwable e) {
    if (e instanceof JdbcRefusal) {
      return e;
    }
    if (e instanceof ApiError a) {
      Object hint = a.body().get("hint");
      return refusal(a.getMessage() + (hint == null ? "" : " (" + hint + ")"));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        RuntimeException classified = SqlFailures.classify(sql, timeoutSeconds);
        if (classified instanceof ApiError a) {
          return clean(a);
        }
      }
    }
    SQLException wrapped = new SQLException(e.getMessage(), e);
    RuntimeException classified = SqlFailures.classify(wrapped, timeoutSeconds);
    if (classified instanceof ApiError a) {
      return clean(a);
    }
    LOG.error("JDBC request failed", e);
    return refusal("the query failed on the server (logged there)");
  }

  private static JdbcRefusal refusal(String message) {
    return new JdbcRefusal(message);
  }

  /** An error for the client: its message only (no stack trace to send). */
  static final class JdbcRefusal extends RuntimeException {
    JdbcRefusal(String message) {
      super(message, null, false, false);
    }
  }
}
