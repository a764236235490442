package uk.dtw.api.jdbc;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler.HandlerResponse;
import org.apache.calcite.avatica.remote.JsonHandler;
import org.apache.calcite.avatica.remote.JsonService;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslation;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;
import uk.dtw.api.access.Access;
import uk.dtw.api.formats.Headers;
import uk.dtw.api.limits.QueryGate;
import uk.dtw.api.snapshot.SnapshotSource;

/**
 * {@code POST /api/v1/jdbc}: Avatica's remote JDBC protocol, which {@code
 * jdbc:avatica:remote:url=...} clients speak (DBeaver, any JDBC tool with avatica-core's driver).
 *
 * <p>Avatica's own HTTP server is Jetty 9 and cannot sit beside Javalin's Jetty 12, so this route
 * does its part: it hands the body to Avatica's handler over a {@link LocalService} and sends back
 * what it answers, 200 or 500 with an error message as the protocol has it. Both serializations are
 * taken at the one URL: a JSON request is an object, so it starts with '{', which no protobuf
 * request does (it starts with field 1's tag, 0x0A).
 */
public final class JdbcEndpoint implements AutoCloseable {
  /** Connections open at once; each may hold a warehouse version open. */
  public static final int MAX_CONNECTIONS = 32;

  /** A connection unused for this long is closed, letting its warehouse version go. */
  public static final Duration IDLE = Duration.ofMinutes(10);

  private static final String PROTOBUF = "application/octet-stream";
  private static final String JSON = "application/json; charset=utf-8";

  private final ScheduledExecutorService timer;
  private final Sessions sessions;
  private final JsonHandler json;
  private final ProtobufHandler protobuf;
  private final ProtobufTranslation translation = new ProtobufTranslationImpl();

  /**
   * @param maxRows the most rows one execution returns
   * @param timeoutSeconds the most server time one execution takes
   */
  public JdbcEndpoint(
      SnapshotSource source,
      int maxRows,
      int timeoutSeconds,
      int maxConnections,
      Duration idle,
      Clock clock,
      QueryGate gate) {
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jdbc-timer");
              t.setDaemon(true);
              return t;
            });
    this.sessions = new Sessions(source, maxConnections, idle, clock);
    long every = Math.max(1, Math.min(idle.toSeconds() / 10, 60));
    timer.scheduleWithFixedDelay(sessions::closeIdle, every, every, TimeUnit.SECONDS);
    Service service =
        new LocalService(new JdbcMeta(sessions, maxRows, timeoutSeconds, timer, gate));
    this.json = new JsonHandler(service, NoopMetricsSystem.getInstance());
    this.protobuf = new ProtobufHandler(service, translation, NoopMetricsSystem.getInstance());
  }

  /** The endpoint with the standard limits, admitting queries through {@code gate}. */
  public static JdbcEndpoint standard(
      SnapshotSource source, int maxRows, int timeoutSeconds, QueryGate gate) {
    return new JdbcEndpoint(
        source, maxRows, timeoutSeconds, MAX_CONNECTIONS, IDLE, Clock.systemUTC(), gate);
  }

  public void handle(Context ctx) throws IOException {
    JdbcMeta.CALLER.set(new JdbcMeta.Caller(Access.role(ctx), Access.caller(ctx)));
    try {
      answer(ctx);
    } finally {
      JdbcMeta.CALLER.remove();
    }
  }

  private void answer(Context ctx) throws IOException {
    byte[] body = ctx.bodyAsBytes();
    JdbcMeta.takeServedVersion();
    if (body.length > 0 && body[0] == '{') {
      HandlerResponse<String> answer = json.apply(new String(body, StandardCharsets.UTF_8));
      String out = answer.getResponse();
      if (answer.getStatusCode() != 200) {
        Service.Response response = JsonService.MAPPER.readValue(out, Service.Response.class);
        out = JsonService.MAPPER.writeValueAsString(withoutStackTraces(response));
      }
      send(ctx, answer.getStatusCode(), JSON, out.getBytes(StandardCharsets.UTF_8));
    } else {
      HandlerResponse<byte[]> answer = protobuf.apply(body);
      byte[] out = answer.getResponse();
      if (answer.getStatusCode() != 200) {
        out = translation.serializeResponse(withoutStackTraces(translation.parseResponse(out)));
      }
      send(ctx, answer.getStatusCode(), PROTOBUF, out);
    }
  }

  private static void send(Context ctx, int status, String contentType, byte[] body) {
    Long version = JdbcMeta.takeServedVersion();
    if (version != null) {
      // The version the client's connection reads, which may be older than the API's current.
      ctx.header(Headers.WAREHOUSE_VERSION, Long.toString(version));
    }
    ctx.status(status).contentType(contentType).result(body);
  }

  /**
   * Avatica puts the server's stack traces into every error it sends, and clients show them; the
   * message, code and SQLSTATE are what the user needs, and the log has the rest. The message takes
   * the traces' place, as their one line: Avatica's driver leaves it out of the SQLException of a
   * failed {@code prepareStatement} ("while preparing SQL: ...") and shows only the traces.
   */
  private static Service.Response withoutStackTraces(Service.Response response) {
    if (response instanceof ErrorResponse e) {
      List<String> message = e.errorMessage == null ? List.of() : List.of(e.errorMessage);
      return new ErrorResponse(
          message, e.errorMessage, e.errorCode, e.sqlState, e.severity, e.rpcMetadata);
    }
    return response;
  }

  int openConnections() {
    return sessions.size();
  }

  /** Closes every JDBC connection, letting their warehouse versions go. */
  @Override
  public void close() {
    timer.shutdownNow();
    sessions.close();
  }
}
