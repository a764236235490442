package uk.dtw.api.jdbc;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteMetaImpl;
import org.apache.calcite.jdbc.CalciteSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.model.schema.Role;

/**
 * One JDBC client connection: the warehouse version current when it opened, held until it closes so
 * that all its answers agree, and a Calcite connection of its own over that version's schema.
 *
 * <p>Its own connection, not the snapshot's: Calcite's connection keeps its statements in a plain
 * counter and HashMap, which the HTTP routes already use from many threads, and a JDBC client
 * changes connection state (default schema) that HTTP must not see. The schema is the snapshot's
 * own root, shared, so the views, their dialect and the stored aggregates are exactly those of
 * {@code POST /sql}: the root of the snapshot as the caller's role reads it ({@link Snapshot#as}),
 * which holds nothing else, so the rest is hidden from JDBC metadata and queries alike.
 *
 * <p>Calls for one session run one at a time ({@link #lock}); a JDBC connection is used that way.
 */
final class Session {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /** What one statement of the client has: its prepared signature, cap and current execution. */
  static final class Statement {
    Meta.Signature signature;
    long maxRows;
    Cursor cursor;
  }

  final String id;
  final Role role;
  final Snapshot snapshot;
  final CalciteConnection connection;
  final CalciteMetaImpl meta;
  final ReentrantLock lock = new ReentrantLock();
  final Map<Integer, Statement> statements = new HashMap<>();
  private volatile Instant lastUsed;
  private boolean closed;

  private Session(
      String id, Role role, Snapshot snapshot, CalciteConnection connection, Instant openedAt) {
    this.id = id;
    this.role = role;
    this.snapshot = snapshot;
    this.connection = connection;
    this.meta = CalciteMetaImpl.create(connection);
    this.lastUsed = openedAt;
  }

  /** A session over {@code snapshot}, which it now owns a reference to (released on close). */
  static Session open(String id, Role role, Snapshot snapshot, Instant now) throws SQLException {
    CalciteConnection shared = snapshot.as(role).connection().unwrap(CalciteConnection.class);
    // CalciteMetaImpl.connect is Calcite's public way to a connection over an existing root
    // schema (marked "subject to change"); the dialect comes from the shared connection's
    // properties, which Calcite reads at each prepare. The model or schema factory among them
    // are read only when a connection is made through the driver, so nothing is loaded twice.
    CalciteConnection own =
        CalciteMetaImpl.connect(
            CalciteSchema.from(shared.getRootSchema()), shared.getTypeFactory());
    own.getProperties().putAll(shared.getProperties());
    own.setSchema(shared.getSchema());
    return new Session(id, role, snapshot, own, now);
  }

  /** Calcite's connection as Avatica's class, whose statement table and cancel flags are public. */
  AvaticaConnection avatica() {
    try {
      return connection.unwrap(AvaticaConnection.class);
    } catch (SQLException e) {
      throw new IllegalStateException("a Calcite connection is an Avatica connection", e);
    }
  }

  /** The default schema of unqualified names. */
  String schema() {
    try {
      return connection.getSchema();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the session's schema", e);
    }
  }

  void setSchema(String schema) {
    try {
      connection.setSchema(schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set the session's schema", e);
    }
  }

  long version() {
    return snapshot.version();
  }

  Instant lastUsed() {
    return lastUsed;
  }

  void touch(Instant now) {
    lastUsed = now;
  }

  boolean isClosed() {
    return closed;
  }

  Statement statement(int id) {
    return statements.computeIfAbsent(id, k -> new Statement());
  }

  /** Forgets a statement: its execution and Calcite's bookkeeping of it (kept until then). */
  void closeStatement(Meta.StatementHandle h) {
    Statement statement = statements.remove(h.id);
    if (statement != null && statement.cursor != null) {
      statement.cursor.close();
    }
    meta.closeStatement(h);
    try {
      AvaticaStatement calcite = avatica().statementMap.remove(h.id);
      if (calcite != null) {
        calcite.close();
      }
    } catch (SQLException e) {
      LOG.debug("closing JDBC statement {} failed: {}", h.id, e.toString());
    }
  }

  /** Closes the statements and the connection and lets the warehouse version go. Caller locks. */
  void close() {
    if (closed) {
      return;
    }
    closed = true;
    statements
        .values()
        .forEach(
            s -> {
              if (s.cursor != null) {
                s.cursor.close();
              }
            });
    statements.clear();
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing JDBC session {} failed: {}", id, e.toString());
    } finally {
      snapshot.release();
    }
  }
}
