package uk.dtw.api.support;

import java.time.Duration;
import uk.dtw.api.ApiServer;
import uk.dtw.api.access.Access;
import uk.dtw.api.snapshot.WarehouseSnapshots;
import uk.dtw.model.schema.Role;

/**
 * One real server, on a free port, over the sample warehouse the real ETL built: shared by every
 * end-to-end test class in the JVM, as analysts share one service. Stopped when the JVM exits.
 */
public final class SampleApi {
  private static Http http;
  private static ApiServer sample;
  private static Http national;

  /**
   * Every caller is admin here, so that the end-to-end tests reach every table; what each role sees
   * is RolesApiTest's subject.
   */
  private static final Access ADMIN = Access.anonymous(Role.ADMIN);

  private SampleApi() {}

  /** A server over the generated national warehouse (see {@link SampleWarehouse#national}). */
  public static synchronized Http national() {
    if (national == null) {
      national = start(SampleWarehouse.national());
    }
    return national;
  }

  public static synchronized Http http() {
    if (http == null) {
      ApiServer server =
          new ApiServer(
                  WarehouseSnapshots.refreshing(SampleWarehouse.path(), Duration.ofSeconds(5)),
                  ADMIN)
              .start("127.0.0.1", 0);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "sample-api-stop"));
      sample = server;
      http = new Http(server.port());
    }
    return http;
  }

  /** The routes the sample server registered, as "GET /api/v1/rankings". */
  public static synchronized java.util.List<String> registered() {
    http();
    return sample.registered();
  }

  /** A server over any warehouse, stopped when the JVM exits. */
  public static Http start(java.nio.file.Path warehouse) {
    return start(warehouse, Role.ADMIN);
  }

  /** A server over any warehouse answering every caller as {@code role}. */
  public static Http start(java.nio.file.Path warehouse, Role role) {
    ApiServer server =
        new ApiServer(
                WarehouseSnapshots.refreshing(warehouse, Duration.ofSeconds(5)),
                Access.anonymous(role))
            .start("127.0.0.1", 0);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "national-api-stop"));
    return new Http(server.port());
  }
}
