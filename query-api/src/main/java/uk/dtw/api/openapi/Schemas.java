package uk.dtw.api.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shapes every answer shares: a report, an ad-hoc query's result, an error. */
final class Schemas {
  private Schemas() {}

  static Map<String, Object> all() {
    Map<String, Object> schemas = new LinkedHashMap<>();
    schemas.put(
        "Column", object(Map.of("name", string(), "type", string()), List.of("name", "type")));
    schemas.put(
        "Report",
        Map.of(
            "type",
            "object",
            "description",
            "A named report: its metadata, one array of row objects per table, and the"
                + " columns of each table (name and SQL type) under columns",
            "required",
            List.of("warehouse_version"),
            "properties",
            Map.of(
                "report", string(),
                "warehouse_version", integer(),
                "columns",
                    Map.of(
                        "type",
                        "object",
                        "additionalProperties",
                        Map.of("type", "array", "items", OpenApi.ref("Column")))),
            "additionalProperties",
            true));
    schemas.put(
        "SqlRequest",
        object(
            Map.of(
                "sql", string(),
                "max_rows", Map.of("type", "integer", "minimum", 1, "maximum", 100000)),
            List.of("sql")));
    schemas.put(
        "SqlResult",
        object(
            Map.of(
                "columns", Map.of("type", "array", "items", OpenApi.ref("Column")),
                "rows",
                    Map.of("type", "array", "items", Map.of("type", "array", "items", Map.of())),
                "row_count", integer(),
                "truncated", Map.of("type", "boolean"),
                "warehouse_version", integer()),
            List.of("columns", "rows", "row_count", "truncated", "warehouse_version")));
    schemas.put(
        "Error",
        object(
            Map.of(
                "error",
                    object(
                        Map.of(
                            "status", integer(),
                            "parameter", string(),
                            "message", string(),
                            "valid", Map.of("type", "array", "items", string()),
                            "hint", string()),
                        List.of("status", "message")),
                "warehouse_version", integer()),
            List.of("error")));
    return schemas;
  }

  private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
    return Map.of("type", "object", "properties", properties, "required", required);
  }

  private static Map<String, Object> string() {
    return Map.of("type", "string");
  }

  private static Map<String, Object> integer() {
    return Map.of("type", "integer");
  }
}
