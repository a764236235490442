package uk.dtw.api.routes;

import static uk.dtw.api.routes.Param.integer;
import static uk.dtw.api.routes.Param.oneOf;
import static uk.dtw.api.routes.Param.optional;
import static uk.dtw.api.routes.Param.required;

import io.javalin.config.RoutesConfig;
import java.util.ArrayList;
import java.util.List;
import uk.dtw.api.access.Access;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.jdbc.JdbcEndpoint;
import uk.dtw.api.reports.BreakdownReport;
import uk.dtw.api.snapshot.SnapshotSource;
import uk.dtw.api.sql.AdhocSql;
import uk.dtw.model.schema.Role;

/**
 * Every endpoint of the API, declared once with its parameters: registered with Javalin from this
 * list and described by the OpenAPI document from the same list.
 */
public final class Routes {
  public static final String PREFIX = "/api/v1";

  private static final Param FORMAT =
      oneOf("format", List.of("json", "csv", "xlsx"), "json (default), csv or an Excel workbook");
  private static final Param TABLE =
      optional("table", null, "for csv and xlsx: which of the report's tables (see tables)");
  private static final Param AS_OF =
      integer("as_of", null, "answer as the warehouse stood at this version");
  private static final Param PARTNERSHIP =
      required("partnership", "Gateshead", "any name the partnership is known by");
  private static final Param PERIOD =
      required("period", "2008-09", "a financial year, in any spelling the ETL accepts");
  private static final Param REGION =
      optional("region", null, "a region's name (any case); England when absent");

  private Routes() {}

  /**
   * Registers every endpoint, each answering a caller whose role is too low exactly as an unknown
   * path is answered (404), so that what a role may not call is not there for it.
   */
  public static void register(
      RoutesConfig routes,
      SnapshotSource source,
      AdhocSql adhoc,
      JdbcEndpoint jdbc,
      Access access) {
    for (Endpoint e : endpoints(source, adhoc, jdbc, access)) {
      io.javalin.http.Handler handler =
          ctx -> {
            if (!Access.role(ctx).includes(e.role())) {
              if ("avatica".equals(e.body()) && access != null && access.challenges(ctx)) {
                throw Errors.unauthorized(
                    "JDBC needs a key: authentication=BEARER;bearer_token=KEY");
              }
              throw Errors.noRoute(ctx.method().name(), ctx.path());
            }
            e.handler().handle(ctx);
          };
      if (e.method().equals("POST")) {
        routes.post(e.path(), handler);
      } else {
        routes.get(e.path(), handler);
      }
    }
  }

  /** What GET /health lists for a role: the endpoints it may call, in declaration order. */
  public static List<String> lines(Role role) {
    return endpoints(role).stream().map(Endpoint::line).toList();
  }

  /** The endpoints {@code role} may call, for description only (no handlers). */
  public static List<Endpoint> endpoints(Role role) {
    return endpoints(null, null, null, null).stream().filter(e -> role.includes(e.role())).toList();
  }

  /** The endpoints; handlers made from a null source are for description only. */
  public static List<Endpoint> endpoints(
      SnapshotSource source, AdhocSql adhoc, JdbcEndpoint jdbc, Access access) {
    List<Endpoint> all = new ArrayList<>();
    all.add(
        get(
            "/health",
            "Status, the warehouse version and the endpoints",
            List.of(AS_OF),
            List.of(),
            SnapshotHandler.orWaiting(source, ReportRoutes::health, ReportRoutes::waiting)));
    all.add(
        get(
            "/openapi.json",
            "This description (OpenAPI 3)",
            List.of(),
            List.of(),
            ctx -> ctx.json(uk.dtw.api.openapi.OpenApi.document(Access.role(ctx)))));
    all.add(
        get(
            "/choices",
            "What can be asked for: measures, periods, regions, partnerships with figures",
            List.of(AS_OF),
            List.of(),
            SnapshotHandler.cached(source, ReportRoutes::choices)));
    all.add(
        new Endpoint(
            "GET",
            PREFIX + "/catalog",
            "The views and tables your ad-hoc SQL reads, with their columns",
            List.of(AS_OF),
            List.of(),
            null,
            SnapshotHandler.cached(source, ReportRoutes::catalog),
            Role.ANALYST));
    all.add(
        get(
            "/provenance",
            "Where a figure came from: file, row, load, the row as read, findings, revisions",
            List.of(
                PARTNERSHIP,
                PERIOD,
                required("figure", "pdus_in_treatment", "a report column, a measure or a key"),
                AS_OF),
            List.of(),
            SnapshotHandler.cached(
                source, (ctx, snapshot) -> ReportRoutes.provenance(ctx, snapshot, source))));
    all.add(
        report(
            "/rankings",
            "Partnerships ranked on a measure for a period, in England or a region",
            List.of(
                required("measure", "penetration", "a catalogued measure or indicator:<code>"),
                PERIOD,
                REGION,
                optional("baseline", null, "effective_change only: the year to measure from"),
                integer("limit", null, "1 to 10000 rows")),
            List.of("rows", "left_out"),
            SnapshotHandler.cached(source, ReportRoutes::rankings)));
    all.add(
        report(
            "/reports/penetration-table",
            "The Oxfordshire plan's penetration table",
            List.of(PERIOD, REGION),
            List.of("rows", "left_out"),
            SnapshotHandler.cached(source, ReportRoutes::penetrationTable)));
    all.add(
        report(
            "/reports/effective-change-top",
            "The national top N by change in PDUs in effective treatment",
            List.of(
                PERIOD,
                optional("baseline", null, "the year to measure from"),
                REGION,
                integer("limit", null, "how many (default 10)")),
            List.of("rows", "left_out"),
            SnapshotHandler.cached(source, ReportRoutes::effectiveChangeTop)));
    all.add(
        report(
            "/penetration",
            "Penetration with intervals against region and England (Fingertips' judgement)",
            List.of(
                required("partnership", "Oxfordshire", "one or more names, comma-separated"),
                required("period", "2008-09", "one or more financial years, comma-separated"),
                oneOf("drug_group", List.of("pdu"), "penetration is of PDUs only")),
            List.of("rows"),
            SnapshotHandler.cached(source, ReportRoutes::penetration)));
    all.add(
        report(
            "/indicators/compare",
            "An indicator for partnerships against region and England",
            List.of(
                required("indicator", "drug_deaths_per_100k", "a loaded indicator's code"),
                required("partnership", "Hampshire", "one or more names, comma-separated"),
                required("period", "2008", "a calendar or financial year")),
            List.of("rows"),
            SnapshotHandler.cached(source, ReportRoutes::indicatorCompare)));
    all.add(
        report(
            "/bullseye",
            "The Bull's eye rings of a partnership at each date",
            List.of(PARTNERSHIP),
            List.of("rings"),
            SnapshotHandler.cached(source, ReportRoutes::bullseye)));
    all.add(
        report(
            "/breakdown",
            "Who a partnership's people in treatment are, from its episodes",
            List.of(
                PARTNERSHIP,
                PERIOD,
                oneOf("dimension", BreakdownReport.DIMENSIONS, "one dimension; all when absent")),
            List.of("breakdown"),
            SnapshotHandler.cached(source, ReportRoutes::breakdown)));
    all.add(
        report(
            "/prevalence-change",
            "A partnership's and its region's estimates between two years",
            List.of(
                PARTNERSHIP,
                required("from", "2006-07", "a financial year"),
                required("to", "2008-09", "a later financial year")),
            List.of("rows"),
            SnapshotHandler.cached(source, ReportRoutes::prevalenceChange)));
    all.add(
        report(
            "/funding",
            "Funding by source over the years: a partnership, a region or England (one of them)",
            List.of(
                optional("partnership", "Gateshead", "a partnership's name"),
                optional("region", null, "a region's name"),
                oneOf("scope", List.of("england"), "England as a whole")),
            List.of("lines", "totals", "growth"),
            SnapshotHandler.cached(source, ReportRoutes::funding)));
    all.add(
        report(
            "/targets",
            "A partnership's agreed targets against actuals",
            List.of(PARTNERSHIP, optional("measure", null, "one target measure")),
            List.of("rows"),
            SnapshotHandler.cached(source, ReportRoutes::targets)));
    all.add(
        new Endpoint(
            "POST",
            PREFIX + "/sql",
            "One read-only query over the views: {\"sql\": \"SELECT ...\", \"max_rows\": 100}",
            List.of(FORMAT, AS_OF),
            List.of(),
            "sql",
            SnapshotHandler.using(
                source, adhoc == null ? (c, s) -> {} : new SqlRoute(adhoc)::handle),
            Role.ANALYST));
    all.add(
        new Endpoint(
            "POST",
            PREFIX + "/jdbc",
            "JDBC (Avatica's protocol, protobuf or JSON) for SQL tools:"
                + " jdbc:avatica:remote:url=http://HOST:PORT/api/v1/jdbc;serialization=protobuf",
            List.of(),
            List.of(),
            "avatica",
            // Avatica's protocol; each JDBC connection holds its own snapshot (see JdbcEndpoint).
            jdbc == null ? ctx -> {} : jdbc::handle,
            Role.ANALYST));
    all.add(
        new Endpoint(
            "GET",
            PREFIX + "/keys",
            "The API keys the server accepts: name, role, created (never a key or its hash)",
            List.of(),
            List.of(),
            null,
            ctx -> Output.json(ctx, access == null ? List.of() : access.list()),
            Role.ADMIN));
    return all;
  }

  private static Endpoint get(
      String path,
      String summary,
      List<Param> params,
      List<String> tables,
      io.javalin.http.Handler handler) {
    return new Endpoint("GET", PREFIX + path, summary, params, tables, null, handler, Role.PUBLIC);
  }

  /** A named report: its own parameters, then format, table and as_of. */
  private static Endpoint report(
      String path,
      String summary,
      List<Param> params,
      List<String> tables,
      io.javalin.http.Handler handler) {
    List<Param> all = new ArrayList<>(params);
    all.addAll(List.of(FORMAT, TABLE, AS_OF));
    return get(path, summary, all, tables, handler);
  }
}
