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

  /** Whether {@code disclosure/columns.csv} may name this family. */
  static boolean knows(String family) {
    return SOURCES.containsKey(family) || BreakdownCells.FAMILIES.contains(family);
  }

  /** One computation per snapshot: a snapshot never changes, and outputs of it share the answer. */
  private static final Map<Snapshot, Families> CACHE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private final Snapshot snapshot;
  private final DisclosureConfig config;

  /** Per family, the keys withheld: small (primary) ones and the secondary cells chosen here. */
  private final Map<String, Withheld> byFamily = new java.util.concurrent.ConcurrentHashMap<>();

  private record Withheld(Set<String> small, Set<String> secondary) {}

  private volatile BreakdownCells breakdown;

  /** Without a snapshot (tests of one table): cells withheld, keys "family|partnership|period". */
  private final Set<String> fixed;

  private Families(Snapshot snapshot, DisclosureConfig config, Set<String> fixed) {
    this.snapshot = snapshot;
    this.config = config;
    this.fixed = fixed;
  }

  /** No secondary cells: for tests of one table. */
  static Families none() {
    return new Families(null, null, Set.of());
  }

  /** These cells withheld, as if small or chosen elsewhere: for tests of one table. */
  static Families withheld(String... keys) {
    return new Families(null, null, Set.of(keys));
  }

  /** The secondary cells of this snapshot, each family computed when an output first needs it. */
  public static Families cached(Snapshot snapshot, DisclosureConfig config) {
    return CACHE.computeIfAbsent(snapshot, s -> new Families(s, config, Set.of()));
  }

  /** One family's small and secondary cells over every partnership, by region and year. */
  private Withheld compute(String family) {
    Set<String> hidden = new HashSet<>();
    Set<String> small = new HashSet<>();
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
      if (config.suppresses(row.get(3))) {
        small.add(key(family, row.get(0), row.get(2)));
      }
      groups.computeIfAbsent(row.get(1) + "|" + row.get(2), k -> new ArrayList<>()).add(row);
    }
    for (List<List<Object>> group : groups.values()) {
      if (group.stream().filter(r -> config.suppresses(r.get(3))).count() != 1) {
        continue;
      }
      group.stream()
          .filter(r -> !config.suppresses(r.get(3)) && ((Number) r.get(3)).doubleValue() > 0)
          .min(
              Comparator.<List<Object>>comparingDouble(r -> ((Number) r.get(3)).doubleValue())
                  .thenComparing(r -> String.valueOf(r.get(0))))
          .ifPresent(r -> hidden.add(key(family, r.get(0), r.get(2))));
    }
    return new Withheld(Set.copyOf(small), Set.copyOf(hidden));
  }

  /**
   * Whether a count of a family shown in an output is a secondary suppression; {@code cell} reads
   * the output's {@code partnership} and {@code period} (and a breakdown's {@code dimension} and
   * {@code category}).
   */
  boolean hides(String family, java.util.function.Function<String, Object> cell) {
    if (snapshot == null) {
      return false;
    }
    if (BreakdownCells.FAMILIES.contains(family)) {
      return breakdown().hides(family, cell);
    }
    return byFamily
        .computeIfAbsent(family, this::compute)
        .secondary()
        .contains(key(family, cell.apply("partnership"), cell.apply("period")));
  }

  /**
   * Whether a partnership's count of a family in a period is withheld anywhere it is shown (small,
   * or a secondary cell): for a figure derived from a count that its own row does not show.
   */
  boolean withholds(String family, java.util.function.Function<String, Object> cell) {
    if (snapshot == null) {
      return fixed.contains(key(family, cell.apply("partnership"), cell.apply("period")));
    }
    Withheld w = byFamily.computeIfAbsent(family, this::compute);
    String key = key(family, cell.apply("partnership"), cell.apply("period"));
    return w.small().contains(key) || w.secondary().contains(key);
  }

  /** The breakdowns' cells, decided over every partnership, region and England at once. */
  private BreakdownCells breakdown() {
    BreakdownCells cells = breakdown;
    if (cells == null) {
      synchronized (this) {
        if (breakdown == null) {
          Table t =
              Queries.run(
                  snapshot,
                  "SELECT partnership, region, financial_year, dimension, category,"
                      + " people_in_treatment FROM episode_breakdown");
          List<BreakdownCells.Count> counts = new ArrayList<>();
          for (List<Object> r : t.rows()) {
            counts.add(
                new BreakdownCells.Count(
                    (String) r.get(0),
                    (String) r.get(1),
                    (String) r.get(2),
                    (String) r.get(3),
                    (String) r.get(4),
                    ((Number) r.get(5)).longValue()));
          }
          breakdown = BreakdownCells.of(counts, config);
        }
        cells = breakdown;
      }
    }
    return cells;
  }

  private static String key(String family, Object partnership, Object period) {
    return family + "|" + partnership + "|" + period;
  }
}
