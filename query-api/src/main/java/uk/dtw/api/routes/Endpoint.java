package uk.dtw.api.routes;

import io.javalin.http.Handler;
import java.util.List;
import uk.dtw.model.schema.Role;

/**
 * An endpoint declared once: Javalin registers its handler and the OpenAPI description is made from
 * the rest, so a route cannot exist undescribed. {@code tables} names the tables a report can be
 * downloaded as (the first is the default); {@code body} describes a POST body, if any; {@code
 * role} is the lowest that may call it: to any lower one it does not exist (404, not in /health nor
 * the OpenAPI document).
 */
public record Endpoint(
    String method,
    String path,
    String summary,
    List<Param> params,
    List<String> tables,
    String body,
    Handler handler,
    Role role) {

  public Endpoint {
    params = List.copyOf(params);
    tables = List.copyOf(tables);
    java.util.Objects.requireNonNull(role, "role");
  }

  /** "GET /api/v1/rankings", as /health lists it. */
  public String line() {
    return method + " " + path;
  }
}
