package uk.dtw.api;

import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.dtw.api.access.Access;
import uk.dtw.api.errors.ErrorHandlers;
import uk.dtw.api.errors.JettyErrors;
import uk.dtw.api.formats.Headers;
import uk.dtw.api.formats.JsonOut;
import uk.dtw.api.jdbc.JdbcEndpoint;
import uk.dtw.api.limits.SqlLimits;
import uk.dtw.api.routes.Routes;
import uk.dtw.api.snapshot.SnapshotSource;
import uk.dtw.api.sql.AdhocSql;
import uk.dtw.model.schema.Role;
import uk.dtw.warehouse.calcite.CancelCheckProgram;

/**
 * The HTTP service over a source of warehouse snapshots, answering each caller as its role (see
 * {@link Access}); owns the source once started.
 */
public final class ApiServer {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** The most bytes a request body may have: a long query and its JSON, with room to spare. */
  public static final long MAX_BODY_BYTES = 1L << 20;

  private final SnapshotSource source;
  private final Javalin app;
  private final JdbcEndpoint jdbc;
  private final AdhocSql adhoc;
  private final List<String> registered = new CopyOnWriteArrayList<>();

  /** Without keys: every caller is public, as {@code serve} is without a key file. */
  public ApiServer(SnapshotSource source) {
    this(source, Access.anonymous(Role.PUBLIC), SqlLimits.DEFAULTS);
  }

  /** With keys (or an anonymous role), within the default SQL limits. */
  public ApiServer(SnapshotSource source, Access access) {
    this(source, access, SqlLimits.DEFAULTS);
  }

  public ApiServer(SnapshotSource source, Access access, SqlLimits limits) {
    this.source = source;
    // Whatever the source's connections, every query this server plans can be stopped on time.
    CancelCheckProgram.install();
    this.adhoc = new AdhocSql(limits);
    // JDBC has the limits of POST /sql: its row cap and time limit.
    this.jdbc =
        JdbcEndpoint.standard(source, limits.maxRows(), limits.timeoutSeconds(), adhoc.gate());
    this.app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.http.maxRequestSize = MAX_BODY_BYTES;
              cfg.startup.showOldJavalinVersionWarning = false;
              // The analysts' pages and their libraries come from this jar: no CDN, nothing
              // fetched.
              cfg.staticFiles.add("/web", Location.CLASSPATH);
              cfg.staticFiles.enableWebjars();
              cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
              cfg.events.handlerAdded(
                  h -> registered.add(h.getHttpMethod().name() + " " + h.getPath()));
              cfg.jsonMapper(new JavalinJackson(JsonOut.MAPPER, false));
              cfg.requestLogger.http(
                  (ctx, ms) ->
                      LOG.debug(
                          "{} {} -> {} in {} ms",
                          ctx.method(),
                          ctx.path(),
                          ctx.status().getCode(),
                          ms));
              // A POST answered before its body is read (a 401 for a wrong key, the 404 of a path
              // the role may not see) left the body unread: Jetty then closes the connection while
              // the client is still sending, and the client gets no answer at all. Read it first:
              // maxRequestSize bounds it (a 413 past that), and the routes read the kept copy.
              cfg.routes.before(
                  ctx -> {
                    if (ctx.method() == io.javalin.http.HandlerType.POST) {
                      ctx.bodyAsBytes();
                    }
                  });
              // Every response says which version it reflects, errors and unknown paths included;
              // routes that answer from a snapshot overwrite it with that snapshot's version. A
              // server still waiting for its first load has no version to name: no header then.
              cfg.routes.before(
                  ctx -> {
                    long version = source.currentVersion();
                    if (version >= 0) {
                      ctx.header(Headers.WAREHOUSE_VERSION, Long.toString(version));
                    }
                  });
              // Who the caller is, before anything is answered: a wrong key is a 401 everywhere.
              cfg.routes.before(access::check);
              Routes.register(cfg.routes, source, adhoc, jdbc, access);
              ErrorHandlers.register(cfg.routes);
            });
  }

  /** Binds and serves; port 0 picks a free port (see {@link #port()}). */
  public ApiServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  /** Every route Javalin registered, as "GET /api/v1/rankings" (what the description must list). */
  public List<String> registered() {
    return List.copyOf(registered);
  }

  /** Ad-hoc queries running now (zero when the service is idle). */
  public int queriesRunning() {
    return adhoc.gate().running();
  }

  public int port() {
    return app.port();
  }

  /** Stops serving and closes the warehouse. */
  public void stop() {
    try {
      app.stop();
    } finally {
      jdbc.close();
      source.close();
    }
  }
}
