package uk.dtw.api.routes;

import io.javalin.config.RoutesConfig;
import java.util.List;
import uk.dtw.api.snapshot.SnapshotSource;
import uk.dtw.api.sql.AdhocSql;

/** Every endpoint of the API, declared in one place. */
public final class Routes {
  public static final String PREFIX = "/api/v1";

  /** What GET /health lists; keep in step with {@link #register}. */
  static final List<String> ENDPOINTS =
      List.of(
          "GET /api/v1/health",
          "GET /api/v1/choices",
          "GET /api/v1/catalog",
          "GET /api/v1/provenance",
          "GET /api/v1/rankings",
          "GET /api/v1/reports/penetration-table",
          "GET /api/v1/reports/effective-change-top",
          "GET /api/v1/penetration",
          "GET /api/v1/indicators/compare",
          "GET /api/v1/bullseye",
          "GET /api/v1/breakdown",
          "GET /api/v1/prevalence-change",
          "GET /api/v1/funding",
          "GET /api/v1/targets",
          "POST /api/v1/sql");

  private Routes() {}

  public static void register(RoutesConfig routes, SnapshotSource source, AdhocSql adhoc) {
    routes.get(PREFIX + "/health", SnapshotHandler.using(source, ReportRoutes::health));
    routes.get(PREFIX + "/choices", SnapshotHandler.cached(source, ReportRoutes::choices));
    routes.get(PREFIX + "/catalog", SnapshotHandler.cached(source, ReportRoutes::catalog));
    routes.get(
        PREFIX + "/provenance",
        SnapshotHandler.cached(
            source, (ctx, snapshot) -> ReportRoutes.provenance(ctx, snapshot, source)));
    routes.get(PREFIX + "/rankings", SnapshotHandler.cached(source, ReportRoutes::rankings));
    routes.get(PREFIX + "/funding", SnapshotHandler.cached(source, ReportRoutes::funding));
    routes.get(PREFIX + "/targets", SnapshotHandler.cached(source, ReportRoutes::targets));
    routes.get(
        PREFIX + "/reports/penetration-table",
        SnapshotHandler.cached(source, ReportRoutes::penetrationTable));
    routes.get(
        PREFIX + "/reports/effective-change-top",
        SnapshotHandler.cached(source, ReportRoutes::effectiveChangeTop));
    routes.get(PREFIX + "/penetration", SnapshotHandler.cached(source, ReportRoutes::penetration));
    routes.get(
        PREFIX + "/indicators/compare",
        SnapshotHandler.cached(source, ReportRoutes::indicatorCompare));
    routes.get(PREFIX + "/bullseye", SnapshotHandler.cached(source, ReportRoutes::bullseye));
    routes.get(PREFIX + "/breakdown", SnapshotHandler.cached(source, ReportRoutes::breakdown));
    routes.get(
        PREFIX + "/prevalence-change",
        SnapshotHandler.cached(source, ReportRoutes::prevalenceChange));
    routes.post(PREFIX + "/sql", SnapshotHandler.using(source, new SqlRoute(adhoc)::handle));
  }
}
