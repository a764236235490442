package uk.dtw.api.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.disclosure.Suppressed;
import uk.dtw.api.reports.Report;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Table;

/** JSON writing for the whole service: one configured mapper and the shape of a report. */
public final class JsonOut {
  /** Shared, thread-safe once configured. BigDecimal amounts stay exact. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .registerModule(
              new com.fasterxml.jackson.databind.module.SimpleModule()
                  .addSerializer(Suppressed.class, new SuppressedAsNull()));

  /** The key of a row's list of columns withheld by disclosure control. */
  public static final String SUPPRESSED = "suppressed";

  private JsonOut() {}

  /**
   * A report as {@code {"report", "warehouse_version", ...metadata, <table>: [row objects],
   * "columns": {<table>: [{name, type}]}}}.
   */
  public static Map<String, Object> shape(Report report, long version) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("report", report.name());
    body.put("warehouse_version", version);
    body.putAll(report.metadata());
    Map<String, Object> columns = new LinkedHashMap<>();
    for (Map.Entry<String, Table> e : report.tables().entrySet()) {
      body.put(e.getKey(), rowObjects(e.getValue()));
      columns.put(e.getKey(), e.getValue().columns());
    }
    body.put("columns", columns);
    return body;
  }

  /**
   * Rows as objects keyed by column name, in column order. A cell withheld by disclosure control is
   * null, and the row then says which of its columns were withheld, under {@code suppressed} (in
   * every row of such a table, empty where nothing was), so a reader never takes it for missing.
   */
  public static List<Map<String, Object>> rowObjects(Table table) {
    boolean marked =
        table.rows().stream().anyMatch(r -> r.stream().anyMatch(v -> v instanceof Suppressed));
    List<Map<String, Object>> rows = new ArrayList<>(table.rows().size());
    for (List<Object> row : table.rows()) {
      Map<String, Object> object = new LinkedHashMap<>();
      List<String> suppressed = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        Column column = table.columns().get(i);
        if (row.get(i) instanceof Suppressed) {
          suppressed.add(column.name());
          object.put(column.name(), null);
        } else {
          object.put(column.name(), row.get(i));
        }
      }
      if (marked) {
        object.put(SUPPRESSED, suppressed);
      }
      rows.add(object);
    }
    return rows;
  }

  public static String write(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
