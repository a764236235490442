package uk.dtw.api.openapi;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.reports.MeasureCatalogue;
import uk.dtw.api.routes.Endpoint;
import uk.dtw.api.routes.Param;
import uk.dtw.api.routes.Routes;
import uk.dtw.model.schema.Role;

/**
 * The OpenAPI 3 description of the API, made from {@link Routes#endpoints}: every endpoint, its
 * parameters with their closed sets of values, and the shapes of its answers and errors. The
 * interactive page is /docs.html (Swagger UI from its WebJar).
 *
 * <p>One document per role: an endpoint a role may not call is not in that role's document.
 */
public final class OpenApi {
  private static final String JSON = "application/json";
  private static final Map<Role, Map<String, Object>> DOCUMENTS = new EnumMap<>(Role.class);

  private OpenApi() {}

  /** The description of what {@code role} may call. */
  public static synchronized Map<String, Object> document(Role role) {
    return DOCUMENTS.computeIfAbsent(role, r -> build(Routes.endpoints(r)));
  }

  static Map<String, Object> build(List<Endpoint> endpoints) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put(
        "info",
        Map.of(
            "title", "Drug treatment partnerships warehouse",
            "version", "1",
            "description",
                "Rankings, comparisons, funding trends and read-only SQL over the warehouse. Every"
                    + " answer carries warehouse_version and the X-Warehouse-Version header."
                    + " Catalogued measures: "
                    + String.join(", ", MeasureCatalogue.names())
                    + ", and indicator:<code> for any loaded indicator (GET /choices lists them)."));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (Endpoint e : endpoints) {
      @SuppressWarnings("unchecked")
      Map<String, Object> item =
          (Map<String, Object>) paths.computeIfAbsent(e.path(), p -> new LinkedHashMap<>());
      item.put(e.method().toLowerCase(java.util.Locale.ROOT), operation(e));
    }
    doc.put("paths", paths);
    doc.put(
        "components",
        Map.of(
            "schemas",
            Schemas.all(),
            "securitySchemes",
            Map.of(
                "apiKey",
                Map.of(
                    "type", "http",
                    "scheme", "bearer",
                    "description",
                        "a key from bin/dwh keys create; none for the public reports"))));
    // Optional everywhere: no key is the public role; a key opens what its role may call.
    doc.put("security", List.of(Map.of(), Map.of("apiKey", List.of())));
    return doc;
  }

  private static Map<String, Object> operation(Endpoint e) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("summary", e.summary());
    op.put("operationId", e.method().toLowerCase(java.util.Locale.ROOT) + id(e.path()));
    List<Map<String, Object>> params = new ArrayList<>();
    for (Param p : e.params()) {
      params.add(parameter(p, e));
    }
    op.put("parameters", params);
    if (e.body() != null) {
      op.put(
          "requestBody",
          Map.of("required", true, "content", Map.of(JSON, Map.of("schema", ref("SqlRequest")))));
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    Map<String, Object> ok = new LinkedHashMap<>();
    ok.put("description", "the answer, from one warehouse version");
    Map<String, Object> content = new LinkedHashMap<>();
    content.put(JSON, Map.of("schema", ref(e.body() != null ? "SqlResult" : "Report")));
    if ("avatica".equals(e.body())) {
      content.clear();
      content.put(
          "application/octet-stream",
          Map.of("schema", Map.of("type", "string", "format", "binary")));
    }
    if (e.params().stream().anyMatch(p -> p.name().equals("format"))) {
      content.put("text/csv", Map.of("schema", Map.of("type", "string")));
      content.put(
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          Map.of("schema", Map.of("type", "string", "format", "binary")));
    }
    ok.put("content", content);
    responses.put("200", ok);
    responses.put("400", error("a parameter or the body was not understood: error names it"));
    responses.put("401", error("the Authorization header or its key is not valid"));
    responses.put("404", error("no such name, version or data: error says which and what exists"));
    responses.put("503", error("nothing has been loaded yet"));
    op.put("responses", responses);
    return op;
  }

  private static Map<String, Object> parameter(Param p, Endpoint e) {
    Map<String, Object> param = new LinkedHashMap<>();
    param.put("name", p.name());
    param.put("in", "query");
    param.put("required", p.required());
    String description = p.description();
    if (p.name().equals("table") && !e.tables().isEmpty()) {
      description += "; default " + e.tables().get(0);
    }
    param.put("description", description);
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", p.type());
    if (!p.values().isEmpty()) {
      schema.put("enum", p.values());
    } else if (p.name().equals("table") && !e.tables().isEmpty()) {
      schema.put("enum", e.tables());
    }
    param.put("schema", schema);
    if (p.example() != null) {
      param.put("example", p.example());
    }
    return param;
  }

  private static Map<String, Object> error(String description) {
    return Map.of(
        "description", description, "content", Map.of(JSON, Map.of("schema", ref("Error"))));
  }

  static Map<String, Object> ref(String schema) {
    return Map.of("$ref", "#/components/schemas/" + schema);
  }

  private static String id(String path) {
    StringBuilder id = new StringBuilder();
    for (String part : path.replace(Routes.PREFIX, "").split("[/\\-._]")) {
      if (!part.isEmpty()) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
  }
}
