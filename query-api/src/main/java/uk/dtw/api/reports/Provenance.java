package uk.dtw.api.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import uk.dtw.api.errors.ApiError;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.formats.JsonOut;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;
import uk.dtw.api.vocabulary.Partnership;

/**
 * Where a figure came from: the stored figures it is made of, each with the extract file, row and
 * load that gave it, the row as it was read, the findings raised about that row, and the earlier
 * figure it replaced if a later file revised it (found in the warehouse's earlier versions, which
 * never change).
 *
 * <p>A figure is named as the reports name it: a report column ({@code pdus_in_treatment}, {@code
 * computed_total_gbp}), a measure ({@code penetration}), or a stored figure's own key ({@code
 * funding:pooled_treatment_budget}, {@code target:pdus_in_effective_treatment:target}, {@code
 * indicator:drug_deaths_per_100k}).
 */
public final class Provenance {
  /** How far back to look for the figure a revision replaced: each version is a snapshot open. */
  static final int VERSIONS_BACK = 10;

  /** Every stored figure of one partnership and period, keyed as {@link #MADE_OF} names them. */
  static final String FIGURES_SQL =
      "SELECT 'prevalence:' || drug_group || ':' || measure_code AS figure_key, figure,"
          + " source_file, source_row, load_id FROM fact_prevalence"
          + " WHERE area_code = ? AND financial_year = ?"
          + " UNION ALL SELECT 'treatment:' || client_group || ':' || measure_code, figure,"
          + " source_file, source_row, load_id FROM fact_treatment"
          + " WHERE area_code = ? AND financial_year = ?"
          + " UNION ALL SELECT 'funding:' || source_code, amount_gbp, source_file, source_row,"
          + " load_id FROM fact_funding WHERE area_code = ? AND financial_year = ?"
          + " UNION ALL SELECT 'target:' || measure_code || ':' || kind, figure, source_file,"
          + " source_row, load_id FROM fact_target WHERE area_code = ? AND financial_year = ?"
          + " UNION ALL SELECT 'indicator:' || indicator_code, figure, source_file, source_row,"
          + " load_id FROM fact_indicator WHERE area_code = ? AND period_code = ?";

  static final String RECORD_SQL =
      "SELECT record FROM bronze_row WHERE source_file = ? AND source_row = ? AND load_id = ?";

  /** Findings of committed loads only: a killed load's rows are redone under the next load's id. */
  static final String FINDINGS_SQL =
      "SELECT f.rule, f.message, f.load_id FROM finding f JOIN meta_load l ON l.load_id = f.load_id"
          + " WHERE f.source_file = ? AND f.source_row = ? ORDER BY f.rule";

  static final String LOAD_SQL = "SELECT finished_at FROM meta_load WHERE load_id = ?";
  static final String PREVIOUS_YEAR_SQL =
      "SELECT previous_year FROM dim_period WHERE financial_year = ?";
  static final String EPISODES_SQL =
      "SELECT source_file, COUNT(*) AS episodes, MIN(source_row) AS first_row,"
          + " MAX(source_row) AS last_row, MIN(load_id) AS load_id FROM fact_episode"
          + " WHERE area_code = ? GROUP BY source_file ORDER BY source_file";

  /** What each report column or measure is made of; "funding:*" is every line but the total. */
  private static final Map<String, List<String>> MADE_OF = new LinkedHashMap<>();

  static {
    made("pdu_estimate", "prevalence:pdu:estimate");
    made("pdu_lower_95", "prevalence:pdu:lower_95");
    made("pdu_upper_95", "prevalence:pdu:upper_95");
    made("prevalence_rate", "prevalence:pdu:rate_per_1000");
    made("pdus_in_treatment", "treatment:pdu:in_treatment");
    made("pdus_in_effective_treatment", "treatment:pdu:in_effective_treatment");
    made("count", "treatment:pdu:in_effective_treatment");
    made("penetration", "treatment:pdu:in_treatment", "prevalence:pdu:estimate");
    made("penetration_pct", "treatment:pdu:in_treatment", "prevalence:pdu:estimate");
    made("effective_change", "treatment:pdu:in_effective_treatment", "baseline:");
    made("funding_total", "funding:*");
    made("computed_total_gbp", "funding:*");
    made("reported_total_gbp", "funding:reported_total");
    made("difference_gbp", "funding:reported_total", "funding:*");
    made("funding_per_pdu_estimated", "funding:*", "prevalence:pdu:estimate");
    made("gbp_per_pdu_estimated", "funding:*", "prevalence:pdu:estimate");
    made("funding_per_pdu_in_treatment", "funding:*", "treatment:pdu:in_treatment");
    made("gbp_per_pdu_in_treatment", "funding:*", "treatment:pdu:in_treatment");
    made(
        "funding_per_pdu_in_effective_treatment",
        "funding:*",
        "treatment:pdu:in_effective_treatment");
    made("gbp_per_pdu_in_effective_treatment", "funding:*", "treatment:pdu:in_effective_treatment");
    for (String m :
        List.of(
            "people_in_treatment",
            "people_in_effective_treatment",
            "people_new_to_treatment",
            "planned_exits",
            "unplanned_exits",
            "effective_treatment_pct",
            "waited_over_3_weeks_pct")) {
      made(m, "episodes");
    }
  }

  private Provenance() {}

  private static void made(String figure, String... keys) {
    MADE_OF.put(figure, List.of(keys));
  }

  /**
   * The provenance of one figure. {@code older} opens an earlier version (or returns null when it
   * does not exist) so a revision's replaced figure can be found.
   */
  public static Map<String, Object> of(
      Snapshot snapshot,
      Partnership area,
      String period,
      String figure,
      LongFunction<Snapshot> older) {
    List<String> keys = keysOf(figure);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("report", "provenance");
    body.put("warehouse_version", snapshot.version());
    body.put("partnership", area.name());
    body.put("period", period);
    body.put("figure", figure);
    body.put("made_of", keys);
    Stored now = new Stored(snapshot, area.areaCode());
    List<Map<String, Object>> sources = new ArrayList<>();
    List<Map<String, Object>> episodes = new ArrayList<>();
    for (String key : keys) {
      if (key.equals("episodes")) {
        episodes.addAll(JsonOut.rowObjects(Queries.run(snapshot, EPISODES_SQL, area.areaCode())));
      } else if (key.equals("baseline:")) {
        Table previous = Queries.run(snapshot, PREVIOUS_YEAR_SQL, period);
        if (!previous.rows().isEmpty() && previous.rows().get(0).get(0) != null) {
          String baseline = String.valueOf(previous.rows().get(0).get(0));
          sources.addAll(figures(snapshot, now, baseline, "treatment:pdu:in_effective_treatment"));
        }
      } else {
        sources.addAll(figures(snapshot, now, period, key));
      }
    }
    findReplaced(snapshot.version(), area.areaCode(), sources, older);
    body.put("sources", sources);
    body.put("episodes", episodes);
    return body;
  }

  static List<String> keysOf(String figure) {
    if (figure == null || figure.isBlank()) {
      throw Errors.missing("figure", "a report column or measure such as pdus_in_treatment");
    }
    String name = figure.strip();
    if (MADE_OF.containsKey(name)) {
      return MADE_OF.get(name);
    }
    if (name.matches("(prevalence|treatment|funding|target|indicator):[a-z0-9_:]+")) {
      return List.of(name);
    }
    List<String> valid = new ArrayList<>(MADE_OF.keySet());
    valid.add("<kind>:<key> (e.g. funding:pooled_treatment_budget)");
    throw Errors.unknownValue("figure", figure, valid);
  }

  /** The stored figures of one key (or of every funding line), with where each came from. */
  private static List<Map<String, Object>> figures(
      Snapshot snapshot, Stored stored, String period, String key) {
    List<Map<String, Object>> found = new ArrayList<>();
    for (Map<String, Object> stock : stored.in(period)) {
      String k = (String) stock.get("figure_key");
      boolean wanted =
          key.equals("funding:*")
              ? k.startsWith("funding:") && !k.equals("funding:reported_total")
              : k.equals(key);
      if (wanted) {
        Map<String, Object> row = new LinkedHashMap<>(stock);
        row.put("period", period);
        row.put("loaded_at", first(Queries.run(snapshot, LOAD_SQL, row.get("load_id"))));
        row.put(
            "record",
            first(
                Queries.run(
                    snapshot,
                    RECORD_SQL,
                    row.get("source_file"),
                    row.get("source_row"),
                    row.get("load_id"))));
        row.put(
            "findings",
            JsonOut.rowObjects(
                Queries.run(
                    snapshot, FINDINGS_SQL, row.get("source_file"), row.get("source_row"))));
        row.put("replaced", null);
        found.add(row);
      }
    }
    return found;
  }

  /**
   * Sets each source's {@code replaced}: the same key in the newest earlier version where a
   * different load wrote it; null when the load that wrote it now reported it first. Each earlier
   * version is opened once and read once per period, however many figures are asked about.
   */
  private static void findReplaced(
      long version,
      String areaCode,
      List<Map<String, Object>> sources,
      LongFunction<Snapshot> older) {
    List<Map<String, Object>> pending = new ArrayList<>(sources);
    for (long v = version - 1;
        v >= Math.max(0, version - VERSIONS_BACK) && !pending.isEmpty();
        v--) {
      Snapshot earlier;
      try {
        earlier = older.apply(v);
      } catch (ApiError e) {
        return; // before the first version
      }
      if (earlier == null) {
        return;
      }
      try {
        Stored then = new Stored(earlier, areaCode);
        for (Iterator<Map<String, Object>> it = pending.iterator(); it.hasNext(); ) {
          Map<String, Object> now = it.next();
          Map<String, Object> before =
              then.in((String) now.get("period")).stream()
                  .filter(r -> r.get("figure_key").equals(now.get("figure_key")))
                  .findFirst()
                  .orElse(null);
          if (before == null) {
            it.remove(); // not there yet: first reported by a later load
          } else if (!before.get("load_id").equals(now.get("load_id"))) {
            Map<String, Object> replaced = new LinkedHashMap<>(before);
            replaced.put("warehouse_version", v);
            now.put("replaced", replaced);
            it.remove();
          }
        }
      } finally {
        earlier.release();
      }
    }
  }

  /** One version's stored figures of a partnership, read once per period. */
  private static final class Stored {
    private final Snapshot snapshot;
    private final String areaCode;
    private final Map<String, List<Map<String, Object>>> byPeriod = new HashMap<>();

    Stored(Snapshot snapshot, String areaCode) {
      this.snapshot = snapshot;
      this.areaCode = areaCode;
    }

    List<Map<String, Object>> in(String p) {
      return byPeriod.computeIfAbsent(
          p,
          period ->
              JsonOut.rowObjects(
                  Queries.run(
                      snapshot,
                      FIGURES_SQL,
                      areaCode,
                      period,
                      areaCode,
                      period,
                      areaCode,
                      period,
                      areaCode,
                      period,
                      areaCode,
                      period)));
    }
  }

  private static Object first(Table table) {
    return table.rows().isEmpty() ? null : table.rows().get(0).get(0);
  }
}
