package uk.dtw.api.jdbc;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ConnectionPropertiesImpl;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import uk.dtw.api.limits.QueryGate;
import uk.dtw.api.limits.SqlLimits;
import uk.dtw.api.sql.RecursiveTurn;
import uk.dtw.api.sql.SqlGuard;
import uk.dtw.model.schema.Role;
import uk.dtw.warehouse.calcite.QueryBudget;

/**
 * What the JDBC endpoint does for each Avatica call: route it to the client's session, and apply
 * the rules of {@code POST /sql}. Every statement text passes {@link SqlGuard#check} before Calcite
 * sees it; batches, commits of writes and anything else that could write are refused; each
 * execution is capped in rows and time by a {@link Cursor}, which this class owns rather than
 * Calcite's own fetch (that one applies neither limit, and forgets a prepared statement's
 * parameters).
 */
final class JdbcMeta extends MetadataMeta {
  /** The warehouse version the current thread's last call answered from, for the HTTP header. */
  private static final ThreadLocal<Long> SERVED = new ThreadLocal<>();

  /**
   * The HTTP request the current thread is answering (see {@link JdbcEndpoint}): its role, and who
   * it is for the per-caller limit ({@code Access.caller}).
   */
  record Caller(Role role, String who) {}

  static final ThreadLocal<Caller> CALLER = new ThreadLocal<>();

  private final Sessions sessions;
  private final int maxRows;
  private final int timeoutSeconds;
  private final ScheduledExecutorService watchdog;
  private final QueryGate gate;

  JdbcMeta(
      Sessions sessions,
      int maxRows,
      int timeoutSeconds,
      ScheduledExecutorService watchdog,
      QueryGate gate) {
    this.sessions = sessions;
    this.gate = gate;
    this.maxRows = maxRows;
    this.timeoutSeconds = timeoutSeconds;
    this.watchdog = watchdog;
  }

  /** The version the last call on this thread answered from (null if none since), forgotten. */
  static Long takeServedVersion() {
    Long version = SERVED.get();
    SERVED.remove();
    return version;
  }

  @Override
  <T, E extends Exception> T in(String connectionId, SessionCall<T, E> call) throws E {
    Session session;
    try {
      session = sessions.lock(connectionId, caller());
    } catch (RuntimeException e) {
      throw JdbcErrors.of(e, timeoutSeconds);
    }
    // Each call (a prepare, a frame fetched) within the memory budget of one ad-hoc query.
    try (QueryBudget.Scope budget = QueryBudget.start(SqlLimits.DEFAULTS.memoryBytes())) {
      SERVED.set(session.version());
      return call.apply(session);
    } catch (RuntimeException
        | StackOverflowError
        | ExceptionInInitializerError
        | AssertionError e) {
      throw JdbcErrors.of(e, timeoutSeconds);
    } finally {
      session.lock.unlock();
    }
  }

  /**
   * A call that plans or runs a query: within the per-caller and total limits that {@code POST
   * /sql} has, shared with it, so JDBC cannot run more at once than HTTP may.
   */
  private <T, E extends Exception> T admitted(String connectionId, SessionCall<T, E> call)
      throws E {
    return in(
        connectionId,
        s -> {
          try (QueryGate.Permit permit = gate.enter(who())) {
            return call.apply(s);
          }
        });
  }

  /** Who the caller is; none set (a call from outside a request) reads as "jdbc". */
  private static String who() {
    Caller caller = CALLER.get();
    return caller == null ? "jdbc" : caller.who();
  }

  /** The caller's role; none set (a call from outside a request) reads as public. */
  private static Role caller() {
    Caller caller = CALLER.get();
    return caller == null ? Role.PUBLIC : caller.role();
  }

  /** The client's cap when it set one ({@code setMaxRows}) below ours, else ours. */
  private long cap(long requested) {
    return requested <= 0 || requested > maxRows ? maxRows : requested;
  }

  // Connections

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> info) {
    // The role is the HTTP request's (its bearer key), not anything in info: JDBC properties are
    // the client's to say, the key is what proves it.
    try {
      sessions.open(ch.id, caller());
    } catch (RuntimeException e) {
      throw JdbcErrors.of(e, timeoutSeconds);
    }
    in(
        ch.id,
        s ->
            s.meta.connectionSync(
                ch,
                new ConnectionPropertiesImpl(
                    true, true, java.sql.Connection.TRANSACTION_NONE, null, s.schema())));
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    sessions.close(ch.id, caller());
  }

  /**
   * Read-only stays true whatever the client asks (JDBC lets a driver ignore that hint); a schema
   * the client picks becomes its session's default, for unqualified names.
   */
  @Override
  public ConnectionProperties connectionSync(ConnectionHandle ch, ConnectionProperties props) {
    return in(
        ch.id,
        s -> {
          ConnectionProperties merged = s.meta.connectionSync(ch, props);
          if (props.getSchema() != null) {
            s.setSchema(props.getSchema());
          }
          merged.setReadOnly(true);
          return merged;
        });
  }

  /** Nothing is ever written, so there is nothing to commit or roll back. */
  @Override
  public void commit(ConnectionHandle ch) {
    in(ch.id, s -> null);
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    in(ch.id, s -> null);
  }

  // Statements

  @Override
  public StatementHandle createStatement(ConnectionHandle ch) {
    return in(ch.id, s -> s.meta.createStatement(ch));
  }

  @Override
  public void closeStatement(StatementHandle h) {
    try {
      in(
          h.connectionId,
          s -> {
            s.closeStatement(h);
            return null;
          });
    } catch (Refusal e) {
      // A statement of a connection already closed (idle, or by the server) is closed with it.
    }
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    return admitted(
        ch.id,
        s -> {
          long cap = cap(maxRowCount);
          StatementHandle h = s.meta.prepare(ch, SqlGuard.check(sql), cap);
          refuseWrites(h.signature);
          Session.Statement statement = s.statement(h.id);
          statement.signature = h.signature;
          statement.maxRows = cap;
          return h;
        });
  }

  @SuppressWarnings("deprecation")
  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
      throws NoSuchStatementException {
    return prepareAndExecute(h, sql, maxRowCount, -1, callback);
  }

  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle h,
      String sql,
      long maxRowCount,
      int maxRowsInFirstFrame,
      PrepareCallback callback)
      throws NoSuchStatementException {
    return admitted(
        h.connectionId,
        s -> {
          long cap = cap(maxRowCount);
          ExecuteResult result =
              s.meta.prepareAndExecute(
                  h,
                  SqlGuard.check(sql),
                  cap,
                  maxRowsInFirstFrame,
                  new SessionCallback(s, callback));
          MetaResultSet rs = result.resultSets.get(0);
          refuseWrites(rs.signature);
          Session.Statement statement = s.statement(h.id);
          statement.signature = rs.signature;
          statement.maxRows = cap;
          startCursor(s, h, statement, null);
          return result;
        });
  }

  @SuppressWarnings("deprecation")
  @Override
  public ExecuteResult execute(
      StatementHandle h, List<TypedValue> parameterValues, long maxRowCount)
      throws NoSuchStatementException {
    return execute(h, parameterValues, AvaticaUtils.toSaturatedInt(maxRowCount));
  }

  /** Runs a statement prepared here, with the client's parameter values; rows come by fetch. */
  @Override
  public ExecuteResult execute(
      StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    return in(
        h.connectionId,
        s -> {
          Session.Statement statement = s.statements.get(h.id);
          if (statement == null || statement.signature == null) {
            throw new NoSuchStatementException(h);
          }
          startCursor(s, h, statement, parameterValues);
          // As Calcite answers: no rows yet, not done, so the client fetches.
          MetaResultSet rs =
              MetaResultSet.create(
                  h.connectionId, h.id, false, statement.signature, new Frame(0, false, List.of()));
          return new ExecuteResult(List.of(rs));
        });
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    Frame frame =
        admitted(
            h.connectionId,
            s -> {
              Session.Statement statement = s.statements.get(h.id);
              if (statement == null) {
                // Not a query of the client's: a metadata result set, which Calcite holds whole.
                return s.meta.fetch(h, offset, fetchMaxRowCount);
              }
              // Null when prepared but never executed: Calcite's fetch would run it unlimited.
              return statement.cursor == null
                  ? null
                  : statement.cursor.fetch(offset, fetchMaxRowCount);
            });
    if (frame == null) {
      throw new MissingResultsException(h);
    }
    return frame;
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands) {
    return in(
        h.connectionId,
        s -> {
          throw JdbcErrors.readOnly("batch execution");
        });
  }

  @Override
  public ExecuteBatchResult executeBatch(
      StatementHandle h, List<List<TypedValue>> parameterValues) {
    return in(
        h.connectionId,
        s -> {
          throw JdbcErrors.readOnly("batch execution");
        });
  }

  /** Used by a client to resume a result set on a reconnected connection; not offered. */
  @Override
  public boolean syncResults(StatementHandle h, QueryState state, long offset) {
    throw new Refusal(
        "resuming a result set on a new connection is not supported: run the query again",
        Refusal.SYNTAX_OR_ACCESS);
  }

  /** Only a local (in-process) Avatica client calls this; over HTTP rows come by fetch. */
  @Override
  public Iterable<Object> createIterable(
      StatementHandle stmt,
      QueryState state,
      Signature signature,
      List<TypedValue> parameters,
      Frame firstFrame) {
    throw new UnsupportedOperationException("not part of the remote protocol");
  }

  private void startCursor(
      Session s, StatementHandle h, Session.Statement statement, List<TypedValue> parameters)
      throws NoSuchStatementException {
    if (statement.cursor != null) {
      statement.cursor.close();
    }
    AtomicBoolean cancel = s.avatica().getCancelFlag(h);
    Signature signature = statement.signature;
    Supplier<Iterable<Object>> rows =
        () -> s.meta.createIterable(h, null, signature, parameters, null);
    if (RecursiveTurn.needsTurn(signature.sql)) {
      // Recursive queries share a working table in the version's schema: they take turns with
      // POST /sql's over the same schema (see RecursiveTurn).
      rows =
          RecursiveTurn.runInTurn(
              rows, s.snapshot.as(s.role).recursiveQueries(), statement.maxRows, timeoutSeconds);
    }
    statement.cursor =
        new Cursor(
            rows, signature.cursorFactory, statement.maxRows, timeoutSeconds, cancel, watchdog);
  }

  /** The guard lets only queries through; this holds even if Calcite read one otherwise. */
  private static void refuseWrites(Signature signature) {
    if (signature.statementType != null && signature.statementType != StatementType.SELECT) {
      throw JdbcErrors.readOnly("a " + signature.statementType + " statement");
    }
  }

  /**
   * Avatica's LocalService gives Calcite a callback whose lock is one class for the whole JVM, so
   * every JDBC client's planning would queue behind every other's; this one locks the session.
   */
  private static final class SessionCallback implements PrepareCallback {
    private final Session session;
    private final PrepareCallback callback;

    SessionCallback(Session session, PrepareCallback callback) {
      this.session = session;
      this.callback = callback;
    }

    @Override
    public Object getMonitor() {
      return session;
    }

    @Override
    public void clear() throws SQLException {
      callback.clear();
    }

    @Override
    public void assign(Signature signature, Frame firstFrame, long updateCount)
        throws SQLException {
      callback.assign(signature, firstFrame, updateCount);
    }

    @Override
    public void execute() throws SQLException {
      callback.execute();
    }
  }
}
