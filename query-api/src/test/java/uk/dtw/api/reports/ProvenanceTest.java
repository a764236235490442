package uk.dtw.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.vocabulary.Partnership;
import uk.dtw.warehouse.calcite.WarehouseDialect;

/**
 * The figure a revision replaced, looked for in earlier versions: Gateshead's plan says its
 * estimate "now stands at 1,169 - down from the previous estimation of 1,484". Version 1 holds
 * 1,484 from load A, version 2 the 1,169 of load B, version 3 a later load that left it alone.
 */
class ProvenanceTest {
  private static final Partnership GATESHEAD = new Partnership("Gateshead", "00CH", "North East");

  @Test
  void a_revised_figure_names_the_one_it_replaced_and_where_that_came_from() {
    Map<String, Object> p =
        Provenance.of(version(3), GATESHEAD, "2008-09", "pdu_estimate", this::version);
    Map<String, Object> source = first(p);
    assertThat(number(source.get("figure"))).isEqualTo(1169.0);
    assertThat(source.get("source_file")).isEqualTo("2010/prevalence.csv");
    assertThat(source.get("record")).isEqualTo("{\"estimate\":\"1,169\"}");
    @SuppressWarnings("unchecked")
    Map<String, Object> replaced = (Map<String, Object>) source.get("replaced");
    assertThat(number(replaced.get("figure"))).isEqualTo(1484.0);
    assertThat(replaced)
        .containsEntry("source_file", "2009/prevalence.csv")
        .containsEntry("load_id", "A")
        .containsEntry("warehouse_version", 1L);
  }

  @Test
  void a_figure_first_reported_by_its_load_replaced_nothing() {
    Map<String, Object> p =
        Provenance.of(version(1), GATESHEAD, "2008-09", "pdu_estimate", this::version);
    assertThat(first(p).get("replaced")).isNull();
    assertThat(number(first(p).get("figure"))).isEqualTo(1484.0);
  }

  private static double number(Object figure) {
    return ((Number) figure).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> first(Map<String, Object> provenance) {
    List<Map<String, Object>> sources = (List<Map<String, Object>>) provenance.get("sources");
    assertThat(sources).hasSize(1);
    return sources.get(0);
  }

  /** Warehouse version v as Calcite views over VALUES; version 0 does not exist. */
  private Snapshot version(long v) {
    if (v < 1) {
      throw Errors.noVersion(v, 1, 3);
    }
    boolean revised = v >= 2;
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put(
        "fact_prevalence",
        values(
            "area_code, financial_year, drug_group, measure_code, figure, source_file, source_row,"
                + " load_id",
            revised
                ? "('00CH', '2008-09', 'pdu', 'estimate', CAST(1169 AS DOUBLE), '2010/prevalence.csv', 2, 'B')"
                : "('00CH', '2008-09', 'pdu', 'estimate', CAST(1484 AS DOUBLE), '2009/prevalence.csv', 2, 'A')"));
    String provenance = "source_file, source_row, load_id";
    tables.put(
        "fact_treatment",
        none("area_code, financial_year, client_group, measure_code, figure, " + provenance, 8));
    tables.put(
        "fact_funding",
        none("area_code, financial_year, source_code, amount_gbp, " + provenance, 7));
    tables.put(
        "fact_target",
        none("area_code, financial_year, measure_code, kind, figure, " + provenance, 8));
    tables.put(
        "fact_indicator", none("area_code, period_code, indicator_code, figure, " + provenance, 7));
    tables.put(
        "bronze_row",
        values(
            "source_file, source_row, load_id, record",
            "('2009/prevalence.csv', 2, 'A', '{\"estimate\":\"1,484\"}'),"
                + " ('2010/prevalence.csv', 2, 'B', '{\"estimate\":\"1,169\"}')"));
    tables.put(
        "meta_load",
        values(
            "load_id, finished_at",
            "('A', TIMESTAMP '2009-06-01 10:00:00'), ('B', TIMESTAMP '2010-06-01 10:00:00')"));
    tables.put("finding", none("load_id, rule, source_file, source_row, message", 5));
    return open(v, tables);
  }

  private static String values(String columns, String rows) {
    return "SELECT * FROM (VALUES " + rows + ") AS t(" + columns + ")";
  }

  /** An empty table: one row of the right types, filtered out. */
  private static String none(String columns, int count) {
    String[] names = columns.split(",\\s*");
    StringBuilder row = new StringBuilder("(");
    for (int i = 0; i < count; i++) {
      String name = names[i];
      row.append(i == 0 ? "" : ", ")
          .append(
              name.equals("figure") || name.equals("amount_gbp")
                  ? "CAST(0 AS DOUBLE)"
                  : name.equals("source_row") ? "0" : "'x'");
    }
    return values(columns, row + ")") + " WHERE 1 = 0";
  }

  private static Snapshot open(long version, Map<String, String> tables) {
    StringBuilder model = new StringBuilder("{\"version\":\"1.0\",\"defaultSchema\":\"dw\",");
    model.append("\"schemas\":[{\"name\":\"dw\",\"tables\":[");
    String separator = "";
    for (Map.Entry<String, String> t : tables.entrySet()) {
      model
          .append(separator)
          .append("{\"name\":\"")
          .append(t.getKey())
          .append("\",\"type\":\"view\",\"sql\":\"")
          .append(t.getValue().replace("\\", "\\\\").replace("\"", "\\\""))
          .append("\"}");
      separator = ",";
    }
    model.append("]}]}");
    try {
      Properties info = WarehouseDialect.connectionProperties();
      info.setProperty("model", "inline:" + model);
      Connection connection = DriverManager.getConnection("jdbc:calcite:", info);
      return new Snapshot(version, connection, connection);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
