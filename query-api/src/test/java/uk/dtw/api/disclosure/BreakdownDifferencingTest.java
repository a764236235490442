package uk.dtw.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.Http;
import uk.dtw.api.support.SampleApi;
import uk.dtw.api.support.SampleWarehouse;
import uk.dtw.model.schema.Role;
import uk.dtw.warehouse.Warehouse;

/**
 * An outsider reads the public breakdown of every partnership for one year (the generated national
 * warehouse at 1% of England, full of small categories) and tries to give a withheld cell back by
 * subtraction: a region's people in a category less its other partnerships' visible people,
 * England's less the other regions', a partnership's dimension less its visible categories. None of
 * it may work, and what is shown must be the true figure.
 */
class BreakdownDifferencingTest {
  private static final String YEAR = "2008-09";

  /** The true people of each partnership's category: "partnership|dimension|category". */
  private static final Map<String, Long> truth = new TreeMap<>();

  private static final Map<String, String> regionOf = new TreeMap<>();

  /** What the public outputs showed: a cell's value, or null where it was withheld. */
  private static final Map<String, Long> shownPeople = new HashMap<>();

  private static final Map<String, Long> shownRegion = new HashMap<>();
  private static final Map<String, Long> shownEngland = new HashMap<>();
  private static Http api;

  @BeforeAll
  static void readEveryPartnershipsBreakdown() throws SQLException {
    try (Warehouse warehouse = Warehouse.open(SampleWarehouse.national().toString());
        Statement st = warehouse.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT partnership, region, dimension, category, people_in_treatment"
                    + " FROM episode_breakdown WHERE financial_year = '"
                    + YEAR
                    + "'")) {
      while (rs.next()) {
        regionOf.put(rs.getString(1), rs.getString(2));
        truth.put(rs.getString(1) + "|" + rs.getString(3) + "|" + rs.getString(4), rs.getLong(5));
      }
    }
    api = SampleApi.start(SampleWarehouse.national(), Role.PUBLIC);
    for (String partnership : regionOf.keySet()) {
      JsonNode rows =
          api.ok(
                  "/api/v1/breakdown?period="
                      + YEAR
                      + "&partnership="
                      + URLEncoder.encode(partnership, StandardCharsets.UTF_8))
              .get("breakdown");
      for (JsonNode r : rows) {
        String where = r.get("dimension").asText() + "|" + r.get("category").asText();
        shownPeople.put(partnership + "|" + where, value(r.get("people_in_treatment")));
        shownRegion.put(regionOf.get(partnership) + "|" + where, value(r.get("region_people")));
        shownEngland.put(where, value(r.get("england_people")));
      }
    }
  }

  @Test
  void the_year_has_small_categories_that_per_output_rules_would_leave_recoverable() {
    // A region's column with exactly one small partnership cell and a region cell of 5 or more:
    // what a rule deciding within one partnership's output would leave open to subtraction.
    Map<String, List<Long>> columns = new TreeMap<>();
    truth.forEach(
        (k, v) -> {
          String[] p = k.split("\\|", 2);
          columns.computeIfAbsent(regionOf.get(p[0]) + "|" + p[1], c -> new ArrayList<>()).add(v);
        });
    long exposed =
        columns.values().stream()
            .filter(c -> c.stream().filter(v -> v > 0 && v < 5).count() == 1)
            .filter(c -> c.stream().mapToLong(Long::longValue).sum() >= 5)
            .count();
    assertThat(exposed).isPositive();
  }

  @Test
  void every_shown_cell_is_the_true_figure_and_every_small_one_is_withheld() {
    assertThat(shownPeople.keySet()).isEqualTo(truth.keySet());
    truth.forEach(
        (k, v) -> {
          Long shown = shownPeople.get(k);
          if (v < 5) {
            assertThat(shown).as(k).isNull();
          } else if (shown != null) {
            assertThat(shown).as(k).isEqualTo(v);
          }
        });
  }

  @Test
  void no_regions_category_less_its_visible_partnerships_gives_one_withheld_cell_back() {
    Map<String, Integer> withheld = new TreeMap<>();
    shownPeople.forEach(
        (k, v) -> {
          String[] p = k.split("\\|", 2);
          withheld.merge(regionOf.get(p[0]) + "|" + p[1], v == null ? 1 : 0, Integer::sum);
        });
    withheld.forEach(
        (column, n) -> {
          if (shownRegion.get(column) != null) {
            assertThat(n).as("withheld partnership cells of " + column).isNotEqualTo(1);
          }
        });
  }

  @Test
  void no_england_category_less_its_visible_regions_gives_one_withheld_region_back() {
    Map<String, Integer> withheld = new TreeMap<>();
    shownRegion.forEach(
        (k, v) -> withheld.merge(k.split("\\|", 2)[1], v == null ? 1 : 0, Integer::sum));
    withheld.forEach(
        (category, n) -> {
          if (shownEngland.get(category) != null) {
            assertThat(n).as("withheld region cells of " + category).isNotEqualTo(1);
          }
        });
  }

  @Test
  void no_dimension_of_a_partnership_or_region_has_exactly_one_withheld_category() {
    // Unless that category is the row's only one and small: then the row's total, the
    // partnership's people in treatment, is as small and withheld wherever it is shown.
    for (Map<String, Long> shown : List.of(shownPeople, shownRegion, shownEngland)) {
      Map<String, List<Long>> rows = new TreeMap<>();
      shown.forEach(
          (k, v) ->
              rows.computeIfAbsent(k.substring(0, k.lastIndexOf('|')), r -> new ArrayList<>())
                  .add(v));
      rows.forEach(
          (row, cells) -> {
            long withheld = cells.stream().filter(v -> v == null).count();
            if (withheld == 1) {
              assertThat(cells).as("the one withheld category of " + row).hasSize(1);
            }
          });
    }
    truth.forEach(
        (k, v) -> {
          String row = k.substring(0, k.lastIndexOf('|'));
          boolean alone = truth.keySet().stream().filter(o -> o.startsWith(row + "|")).count() == 1;
          if (alone && shownPeople.get(k) == null) {
            assertThat(v).as("alone in its row and withheld: " + k).isLessThan(5);
          }
        });
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "people_in_treatment",
        "people_in_effective_treatment",
        "people_new_to_treatment",
        "planned_exits",
        "unplanned_exits"
      })
  void no_regions_episode_count_less_its_visible_partnerships_gives_one_withheld_back(
      String measure) throws SQLException {
    Map<String, Long> trueCounts = new TreeMap<>();
    Map<String, String> regionOf = new TreeMap<>();
    try (Warehouse warehouse = Warehouse.open(SampleWarehouse.national().toString());
        Statement st = warehouse.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT partnership, region, "
                    + measure
                    + " FROM episode_treatment WHERE financial_year = '"
                    + YEAR
                    + "' AND "
                    + measure
                    + " IS NOT NULL")) {
      while (rs.next()) {
        trueCounts.put(rs.getString(1), rs.getLong(3));
        regionOf.put(rs.getString(1), rs.getString(2));
      }
    }
    JsonNode ranking = api.ok("/api/v1/rankings?measure=" + measure + "&period=" + YEAR);
    Map<String, List<Long>> byRegion = new TreeMap<>();
    // A withheld value is not ranked: its partnership is left out, as withheld.
    for (JsonNode r : ranking.get("left_out")) {
      if (r.get("reason").asText().startsWith("withheld")) {
        String partnership = r.get("partnership").asText();
        assertThat(trueCounts).as(measure + " of " + partnership).containsKey(partnership);
        byRegion.computeIfAbsent(regionOf.get(partnership), k -> new ArrayList<>()).add(null);
      }
    }
    for (JsonNode r : ranking.get("rows")) {
      String partnership = r.get("partnership").asText();
      Long shown = value(r.get("value"));
      Long real = trueCounts.get(partnership);
      if (real == null) {
        assertThat(shown).as(measure + " of " + partnership + ", who has none").isNull();
      } else {
        assertThat(real > 0 && real < 5).as(measure + " of " + partnership + " ranked").isFalse();
        assertThat(shown).as(measure + " of " + partnership).isEqualTo(real);
      }
      byRegion.computeIfAbsent(r.get("region").asText(), k -> new ArrayList<>()).add(shown);
    }
    assertThat(byRegion.values().stream().flatMap(List::stream).filter(v -> v == null).count())
        .as("withheld " + measure + " cells")
        .isPositive();
    byRegion.forEach(
        (region, values) -> {
          long withheld = values.stream().filter(v -> v == null).count();
          boolean othersZero = values.stream().allMatch(v -> v == null || v == 0);
          assertThat(withheld == 1 && !othersZero)
              .as("one withheld " + measure + " alone in " + region + ": " + values)
              .isFalse();
        });
  }

  private static Long value(JsonNode cell) {
    return cell == null || cell.isNull() ? null : cell.asLong();
  }
}
