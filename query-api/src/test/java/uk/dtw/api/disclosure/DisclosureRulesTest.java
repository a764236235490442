package uk.dtw.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.dtw.api.sql.Column;
import uk.dtw.api.sql.Table;

/** The rules as declared, and one table through them with its suppressions worked out by hand. */
class DisclosureRulesTest {
  private static final DisclosureConfig CONFIG = DisclosureConfig.DEFAULTS;

  @Test
  void every_basis_of_a_derived_column_is_a_column_classified_in_the_same_table() {
    for (ColumnRule r : Rules.columns()) {
      for (String basis : r.basis()) {
        if (basis.startsWith("@")) {
          String[] area = basis.substring(1).split("/", 2);
          assertThat(Families.knows(area[0])).as(r + " names a family").isTrue();
          if (area.length == 2) {
            // Only penetration's family has region and England cells (area_penetration).
            assertThat(area[0]).as(r.toString()).isEqualTo(Families.PENETRATION_FAMILY);
            assertThat(area[1]).as(r.toString()).isIn("region", "england");
          }
          continue;
        }
        assertThat(
                Rules.columns().stream()
                    .anyMatch(
                        o ->
                            (o.report().equals(r.report()) || o.report().endsWith(":*"))
                                && o.table().equals(r.table())
                                && o.column().equals(basis)))
            .as(r.report() + " " + r.table() + " " + r.column() + " is built on " + basis)
            .isTrue();
      }
    }
  }

  @Test
  void every_family_a_column_names_is_one_families_computes() {
    for (ColumnRule r : Rules.columns()) {
      if (r.family() != null) {
        assertThat(Families.knows(r.family().split("@")[0])).as(r.family()).isTrue();
        assertThat(r.kind()).isEqualTo(Kind.COUNT);
      }
    }
  }

  @Test
  void counts_one_to_four_are_suppressed_and_zero_and_five_are_not() {
    assertThat(CONFIG.suppresses(0)).isFalse();
    assertThat(CONFIG.suppresses(1)).isTrue();
    assertThat(CONFIG.suppresses(4.0)).isTrue();
    assertThat(CONFIG.suppresses(5)).isFalse();
    assertThat(new DisclosureConfig(10, "~").suppresses(9)).isTrue();
  }

  @Test
  void a_breakdown_with_one_small_category_loses_the_next_smallest_and_their_shares() {
    // sex: female 3 (primary), male 20, unknown 0: total 23 is shown elsewhere, so 3 alone could
    // be differenced; the next smallest non-zero (20) goes too, 0 stays. Shares go with counts.
    // age_band: 10 and 13, nothing small, nothing withheld.
    Table table =
        new Table(
            List.of(
                new Column("dimension", "VARCHAR"),
                new Column("category", "VARCHAR"),
                new Column("people_in_treatment", "BIGINT"),
                new Column("share_pct", "DOUBLE"),
                new Column("region_people", "BIGINT"),
                new Column("region_share_pct", "DOUBLE"),
                new Column("england_people", "BIGINT"),
                new Column("england_share_pct", "DOUBLE")),
            List.of(
                Arrays.asList("sex", "female", 3L, 13.0, 300L, 30.0, 3000L, 30.0),
                Arrays.asList("sex", "male", 20L, 87.0, 700L, 70.0, 7000L, 70.0),
                Arrays.asList("sex", "unknown", 0L, 0.0, 0L, 0.0, 0L, 0.0),
                Arrays.asList("age_band", "18-24", 10L, 43.5, 400L, 40.0, 4000L, 40.0),
                Arrays.asList("age_band", "25-34", 13L, 56.5, 600L, 60.0, 6000L, 60.0)));
    Table out =
        new TableSuppressor(CONFIG, "breakdown", "breakdown", table, Map.of(), Families::none)
            .apply();
    Suppressed star = new Suppressed("*");
    assertThat(out.column("people_in_treatment")).containsExactly(star, star, 0L, 10L, 13L);
    assertThat(out.column("share_pct")).containsExactly(star, star, 0.0, 43.5, 56.5);
    assertThat(out.column("region_people")).containsExactly(300L, 700L, 0L, 400L, 600L);
  }

  @Test
  void a_targets_change_is_withheld_with_the_current_count_another_row_withholds() {
    // Gateshead's change in effective treatment, 40 -> 4 (-90%): the baseline 40 is visible and
    // the current count 4 is withheld in its own row; 40 and -90% would give 4 back, so the
    // change goes, and with it whether the target was met and the gap. Newcastle's count is not
    // withheld, so its change stays.
    List<Column> columns =
        List.of(
            new Column("measure", "VARCHAR"),
            new Column("period", "VARCHAR"),
            new Column("baseline_period", "VARCHAR"),
            new Column("target_value", "DOUBLE"),
            new Column("actual_missing", "BOOLEAN"),
            new Column("polarity", "VARCHAR"),
            new Column("baseline_value", "DOUBLE"),
            new Column("baseline_count", "BIGINT"),
            new Column("actual_value", "DOUBLE"),
            new Column("target_met", "BOOLEAN"),
            new Column("gap", "DOUBLE"));
    Families families = Families.withheld("pdus_in_effective_treatment|Gateshead|2008-09");
    Suppressed star = new Suppressed("*");
    for (String partnership : List.of("Gateshead", "Newcastle")) {
      Table table =
          new Table(
              columns,
              List.of(
                  Arrays.asList(
                      "pdus_in_effective_treatment_change_pct",
                      "2008-09",
                      "2006-07",
                      10.0,
                      false,
                      "higher",
                      40.0,
                      40L,
                      -90.0,
                      false,
                      -100.0)));
      Table out =
          new TableSuppressor(
                  CONFIG,
                  "targets",
                  "rows",
                  table,
                  Map.of("partnership", partnership),
                  () -> families)
              .apply();
      boolean gateshead = partnership.equals("Gateshead");
      assertThat(out.column("actual_value")).containsExactly(gateshead ? star : -90.0);
      assertThat(out.column("target_met")).containsExactly(gateshead ? star : false);
      assertThat(out.column("gap")).containsExactly(gateshead ? star : -100.0);
      assertThat(out.column("baseline_count")).containsExactly(40L);
    }
  }
}
