package uk.dtw.api.jdbc;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Handler;
import org.apache.calcite.avatica.remote.JsonHandler;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.remote.ProtobufHandler;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.Service;
import uk.dtw.api.snapshot.SnapshotSource;

/**
 * JDBC for standard SQL tools: Avatica's wire protocol (protobuf or JSON) on a Javalin route, so
 * the remote driver connects with {@code
 * jdbc:avatica:remote:url=http://HOST:PORT/api/v1/jdbc;serialization=protobuf}. (Avatica's own
 * server is Jetty 9; Javalin is Jetty 12, so the handlers run here instead.)
 */
public final class JdbcEndpoint implements AutoCloseable {
  private final PinnedConnections connections;
  private final Handler<byte[]> protobuf;
  private final Handler<String> json;
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "jdbc-idle-sweeper");
            t.setDaemon(true);
            return t;
          });

  public JdbcEndpoint(SnapshotSource source, long maxRows, int timeoutSeconds) {
    this.connections = PinnedConnections.of(source, maxRows, timeoutSeconds);
    Service service = new LocalService(connections.meta());
    this.protobuf =
        new ProtobufHandler(
            service, new ProtobufTranslationImpl(), NoopMetricsSystem.getInstance());
    this.json = new JsonHandler(service, NoopMetricsSystem.getInstance());
    sweeper.scheduleAtFixedRate(connections::closeIdle, 1, 1, TimeUnit.MINUTES);
  }

  /** One Avatica request: JSON when the body is a JSON object, protobuf otherwise. */
  public void handle(Context ctx) {
    byte[] body = ctx.bodyAsBytes();
    if (body.length > 0 && body[0] == '{') {
      Handler.HandlerResponse<String> r = json.apply(new String(body, StandardCharsets.UTF_8));
      ctx.status(r.getStatusCode()).contentType("application/json").result(r.getResponse());
    } else {
      Handler.HandlerResponse<byte[]> r = protobuf.apply(body);
      ctx.status(r.getStatusCode()).contentType("application/octet-stream").result(r.getResponse());
    }
  }

  /** How many JDBC connections are open (each holds its warehouse version). */
  public int openConnections() {
    return connections.openCount();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    connections.closeAll();
  }
}
