package uk.dtw.api.routes;

import io.javalin.config.RoutesConfig;
import uk.dtw.api.snapshot.SnapshotSource;
import uk.dtw.api.sql.AdhocSql;

/** Every endpoint of the API, declared in one place. */
public final class Routes {
    public static final String PREFIX = "/api/v1";

    private Routes() {
    }

    public static void register(RoutesConfig routes, SnapshotSource source, AdhocSql adhoc) {
        routes.get(PREFIX + "/health", SnapshotHandler.using(source, ReportRoutes::health));
        routes.get(PREFIX + "/rankings", SnapshotHandler.using(source, ReportRoutes::rankings));
        routes.get(PREFIX + "/funding", SnapshotHandler.using(source, ReportRoutes::funding));
        routes.post(PREFIX + "/sql", SnapshotHandler.using(source, new SqlRoute(adhoc)::handle));
    }
}
