package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;

/**
 * What a caller can ask for in this snapshot: the measures (catalogue and loaded indicators), the
 * financial years with figures, the regions, and the partnerships that sent anything. The pages
 * build their pickers from it, so they never offer a choice the API would refuse.
 */
public final class Choices {
  static final String PERIODS_SQL =
      "SELECT DISTINCT financial_year FROM partnership_period ORDER BY financial_year";
  static final String REGIONS_SQL =
      "SELECT area_name FROM dim_area WHERE area_level = 'region' ORDER BY area_name";

  /** Partnerships with at least one figure of any kind, as the facts name them. */
  static final String PARTNERSHIPS_SQL =
      "SELECT a.area_name AS partnership, a.region_name AS region FROM dim_area a"
          + " WHERE a.area_level = 'partnership' AND a.area_code IN ("
          + " SELECT area_code FROM fact_treatment UNION SELECT area_code FROM fact_prevalence"
          + " UNION SELECT area_code FROM fact_funding UNION SELECT area_code FROM fact_target"
          + " UNION SELECT area_code FROM episode_coverage)"
          + " ORDER BY a.area_name";

  private Choices() {}

  public static Map<String, Object> of(Snapshot snapshot) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("report", "choices");
    body.put("warehouse_version", snapshot.version());
    List<Map<String, Object>> measures = new ArrayList<>();
    for (Measure m : MeasureCatalogue.all()) {
      measures.add(measure(m.name(), m.definition(), m.unit(), m.polarity().code(), m));
    }
    Table indicators =
        Queries.run(snapshot, "SELECT indicator_code, name, unit, polarity FROM dim_indicator");
    for (List<Object> row : indicators.rows()) {
      measures.add(
          measure(
              MeasureCatalogue.INDICATOR_PREFIX + row.get(0),
              String.valueOf(row.get(1)),
              String.valueOf(row.get(2)),
              Polarity.parse(String.valueOf(row.get(3))).code(),
              null));
    }
    body.put("measures", measures);
    body.put("periods", Queries.run(snapshot, PERIODS_SQL).column("financial_year"));
    body.put("regions", Queries.run(snapshot, REGIONS_SQL).column("area_name"));
    Table partnerships = Queries.run(snapshot, PARTNERSHIPS_SQL);
    List<Map<String, Object>> named = new ArrayList<>();
    for (List<Object> row : partnerships.rows()) {
      named.add(Map.of("partnership", row.get(0), "region", String.valueOf(row.get(1))));
    }
    body.put("partnerships", named);
    return body;
  }

  private static Map<String, Object> measure(
      String name, String definition, String unit, String polarity, Measure catalogued) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("measure", name);
    m.put("definition", definition);
    m.put("unit", unit);
    m.put("polarity", polarity);
    m.put("takes_baseline", catalogued != null && catalogued.takesBaseline());
    return m;
  }
}
