package uk.dtw.api.disclosure;

import java.util.ArrayList;
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
 * in each region and year where exactly one partnership's count is withheld, the smallest other
 * non-zero count (ties: by name) is withheld too, in every output that shows it. Deciding it per
 * output would let a count withheld in a ranking be read from a partnership's funding page. Each
 * published sum is its own group ({@link LinkedCells}): a region's partnerships, those funded,
 * those with an estimate (whose sum region penetration shows), and England's regions; region and
 * England counts are cells too, withheld when small, so a region of one small partnership does not
 * give it back through region penetration times the region's estimate.
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

  /** The family whose region and England counts penetration shows (area_penetration). */
  static final String PENETRATION_FAMILY = "pdus_in_treatment";

  private static final String ENGLAND = "England";

  private static final String AREA_COUNTS =
      "SELECT area_level, area_name, financial_year, basis, pdus_in_treatment FROM area_penetration"
          + " WHERE area_level <> 'partnership' AND pdus_in_treatment IS NOT NULL";

  /** The partnerships an aggregated region's or England's penetration sums (area_penetration). */
  private static final String PENETRATION_MEMBERS =
      "SELECT partnership, region, financial_year FROM penetration"
          + " WHERE pdu_estimate IS NOT NULL AND pdus_in_treatment IS NOT NULL";

  /** The families funding by region and England sums, and over which partnerships. */
  private static final Set<String> FUNDED =
      Set.of("pdus_in_treatment", "pdus_in_effective_treatment");

  private static final String FUNDED_MEMBERS =
      "SELECT area_level, area_name, partnership, financial_year FROM funding_area_member"
          + " WHERE area_level <> 'partnership' AND funding_total_gbp IS NOT NULL";

  /** Whether {@code disclosure/columns.csv} may name this family. */
  static boolean knows(String family) {
    return SOURCES.containsKey(family) || BreakdownCells.FAMILIES.contains(family);
  }

  /** One computation per snapshot: a snapshot never changes, and outputs of it share the answer. */
  private static final Map<Snapshot, Families> CACHE =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private final Snapshot snapshot;
  private final DisclosureConfig config;

  /**
   * Per family, the keys withheld: small (primary) ones and the secondary cells chosen here;
   * partnership keys and area keys alike.
   */
  private final Map<String, Set<String>> byFamily = new java.util.concurrent.ConcurrentHashMap<>();

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

  /**
   * One family's withheld cells over every partnership (and, for a family whose region and England
   * totals are shown, those area cells too), tied by every sum a reader can see.
   */
  private Set<String> compute(String family) {
    LinkedCells cells = new LinkedCells();
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
    for (List<Object> row : t.rows()) {
      String key = key(family, row.get(0), row.get(2));
      double value = ((Number) row.get(3)).doubleValue();
      cells.cell(key, value);
      // A region's total over all its partnerships is published (funding by region, SQL).
      cells.member("region|" + row.get(1) + "|" + row.get(2), key);
    }
    if (FUNDED.contains(family)) {
      // Funding by region and England sums the count over the partnerships funded that year.
      for (List<Object> r : Queries.run(snapshot, FUNDED_MEMBERS).rows()) {
        cells.member(
            "funding|" + r.get(0) + "|" + r.get(1) + "|" + r.get(3),
            key(family, r.get(2), r.get(3)));
      }
    }
    if (family.equals(PENETRATION_FAMILY)) {
      penetrationAreas(cells);
    }
    return Set.copyOf(cells.withheld(config));
  }

  /**
   * Region and England penetration show their count (penetration x the visible estimate): an
   * aggregated area's count is the sum of its partnerships that have an estimate, and England's
   * count sits beside its regions', so those are groups whose total is itself a cell.
   */
  private void penetrationAreas(LinkedCells cells) {
    String family = PENETRATION_FAMILY;
    for (List<Object> r : Queries.run(snapshot, AREA_COUNTS).rows()) {
      String level = (String) r.get(0);
      String area = areaKey(family, r.get(1), r.get(2));
      cells.cell(area, ((Number) r.get(4)).doubleValue());
      cells.member("areas|" + r.get(2), area);
      if ("aggregated".equals(r.get(3))) {
        cells.member("penetration|" + level + "|" + r.get(1) + "|" + r.get(2), area);
      }
    }
    for (List<Object> r : Queries.run(snapshot, PENETRATION_MEMBERS).rows()) {
      String key = key(family, r.get(0), r.get(2));
      cells.member("penetration|region|" + r.get(1) + "|" + r.get(2), key);
      cells.member("penetration|country|England|" + r.get(2), key);
    }
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
    return byFamily
        .computeIfAbsent(family, this::compute)
        .contains(key(family, cell.apply("partnership"), cell.apply("period")));
  }

  /**
   * Whether an area's count of a family in a period is withheld: {@code level} {@code region} (the
   * row's {@code region}) or {@code england}; for a figure derived from it (region penetration).
   */
  boolean withholdsArea(
      String family, String level, java.util.function.Function<String, Object> cell) {
    Object area =
        switch (level) {
          case "region" -> cell.apply("region");
          case "england" -> ENGLAND;
          default ->
              throw new IllegalStateException(
                  "an area basis is @family/region or @family/england, not /" + level);
        };
    String key = areaKey(family, area, cell.apply("period"));
    if (snapshot == null) {
      return fixed.contains(key);
    }
    return byFamily.computeIfAbsent(family, this::compute).contains(key);
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

  /** An area's cell: "area|family|region or England|period", apart from any partnership's. */
  static String areaKey(String family, Object area, Object period) {
    return "area|" + family + "|" + area + "|" + period;
  }
}
