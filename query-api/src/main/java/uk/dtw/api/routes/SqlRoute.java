package uk.dtw.api.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.dtw.api.access.Access;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.formats.Format;
import uk.dtw.api.formats.Headers;
import uk.dtw.api.formats.JsonOut;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.AdhocSql;

/** {@code POST /api/v1/sql}: one read-only query, capped in rows and time, over the snapshot. */
final class SqlRoute {
  static final String EXPECTED_BODY = "JSON {\"sql\": \"SELECT ...\", \"max_rows\": 100}";

  private final AdhocSql adhoc;

  SqlRoute(AdhocSql adhoc) {
    this.adhoc = adhoc;
  }

  void handle(Context ctx, Snapshot snapshot) {
    Output output = Output.of(ctx);
    JsonNode body = parse(ctx.body());
    JsonNode sql = body.get("sql");
    if (sql == null || !sql.isTextual()) {
      throw Errors.missing("sql", "a string holding one SELECT query, in a " + EXPECTED_BODY);
    }
    JsonNode max = body.get("max_rows");
    int maxRows =
        max == null || max.isNull()
            ? adhoc.limits().defaultRows()
            : Params.boundedInt("max_rows", max.asText(), 1, adhoc.limits().maxRows());
    AdhocSql.Result result =
        adhoc.run(snapshot.as(Access.role(ctx)), sql.asText(), maxRows, Access.caller(ctx));
    if (output.format() != Format.JSON) {
      ctx.header(Headers.TRUNCATED, Boolean.toString(result.truncated()));
      Output.table(ctx, output.format(), "query", result.table());
      return;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("columns", result.table().columns());
    out.put("rows", result.table().rows());
    out.put("row_count", result.table().rows().size());
    out.put("truncated", result.truncated());
    if (result.truncated()) {
      out.put(
          "truncated_at",
          maxRows + " rows: ask for up to " + adhoc.limits().maxRows() + " with max_rows");
    }
    out.put("warehouse_version", snapshot.version());
    Output.json(ctx, out);
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode node = JsonOut.MAPPER.readTree(text == null ? "" : text);
      if (node == null || !node.isObject()) {
        throw Errors.badBody("request body is not a JSON object", EXPECTED_BODY);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw Errors.badBody(
          "request body is not valid JSON: " + e.getOriginalMessage(), EXPECTED_BODY);
    }
  }
}
