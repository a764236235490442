package uk.dtw.api.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.sql.Queries;
import uk.dtw.api.sql.Table;

/**
 * Secondary suppression of partnership counts decided once per snapshot over every partnership, not
 * per output: a region's total of a count is published (funding by region, region penetration), so
 * in each region and year where exactly one partnership's count is suppressed, the smallest other
 * non-zero count (ties: by name) is suppressed too, in every output that shows it. Deciding it per
 * output would let a count withheld in a ranking be read from a partnership's funding page.
 */
public final class Families {
  /** Each family: the view and column holding it per partnership, region and financial year. */
  static final Map<String, String> SOURCES = new LinkedHashMap<>();

  static {
    SOURCES.put("pdus_in_treatment", "pdu_treatment");
    SOURCES.put("pdus_in_effective_treatment", "pdu_treatment");
    for (String c :
        List.of(
            "people_in_treatment",
            "people_in_effective_treatment",
            "people_new_to_treatment",
            "planned_exits",
            "unplanned_exits")) {
      SOURCES.put(c, "episode_treatment");
    }
    SOURCES.put("waited_over_3_weeks", "episode_waiting");
    SOURCES.put("interventions_started", "episode_waiting");
  }

  /** One computation per snapshot: a snapshot never changes, and outputs of it share the answer. */
  private static final Map<Snapshot, Families> CACHE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private final Snapshot snapshot;
  private final DisclosureConfig config;
  private final Map<String, Set<String>> byFamily = new java.util.concurrent.ConcurrentHashMap<>();

  private Families(Snapshot snapshot, DisclosureConfig config) {
    this.snapshot = snapshot;
    this.config = config;
  }

  /** No secondary cells: for tests of one table. */
  static Families none() {
    return new Families(null, null);
  }

  /** The secondary cells of this snapshot, each family computed when an output first needs it. */
  public static Families cached(Snapshot snapshot, DisclosureConfig config) {
    return CACHE.computeIfAbsent(snapshot, s -> new Families(s, config));
  }

  /** One family's secondary cells over every partnership, grouped by region and year. */
  private Set<String> compute(String family) {
    Set<String> hidden = new HashSet<>();
    Table t =
        Queries.run(
            snapshot,
            "SELECT partnership, region, financial_year, "
                + family
                + " FROM "
                + SOURCES.get(family)
                + " WHERE "
                + family
                + " IS NOT NULL");
    Map<String, List<List<Object>>> groups = new LinkedHashMap<>();
    for (List<Object> row : t.rows()) {
      groups.computeIfAbsent(row.get(1) + "|" + row.get(2), k -> new ArrayList<>()).add(row);
    }
    for (List<List<Object>> group : groups.values()) {
      long small = group.stream().filter(r -> config.suppresses(r.get(3))).count();
      if (small != 1) {
        continue;
      }
      group.stream()
          .filter(r -> !config.suppresses(r.get(3)) && ((Number) r.get(3)).doubleValue() > 0)
          .min(
              Comparator.<List<Object>>comparingDouble(r -> ((Number) r.get(3)).doubleValue())
                  .thenComparing(r -> String.valueOf(r.get(0))))
          .ifPresent(r -> hidden.add(key(family, r.get(0), r.get(2))));
    }
    return Set.copyOf(hidden);
  }

  /** Whether a partnership's count of a family in a year is a secondary suppression. */
  boolean hides(String family, Object partnership, Object period) {
    if (snapshot == null) {
      return false;
    }
    return byFamily
        .computeIfAbsent(family, this::compute)
        .contains(key(family, partnership, period));
  }

  private static String key(String family, Object partnership, Object period) {
    return family + "|" + partnership + "|" + period;
  }
}
