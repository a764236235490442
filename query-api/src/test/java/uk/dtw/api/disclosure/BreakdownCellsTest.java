package uk.dtw.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The breakdown's cells across partnerships, regions and England, worked by hand: every group of
 * cells that adds up to a published cell or total keeps either no withheld cell or two or more.
 */
class BreakdownCellsTest {
  private static final DisclosureConfig CONFIG = new DisclosureConfig(5, "*");

  @Test
  void a_small_category_takes_a_neighbour_in_its_row_and_in_its_regions_column() {
    // North: A f 3 m 20, B f 10 m 30, C f 12 m 40; South: D f 8 m 25, E f 9 m 35.
    // A's female (3) is small. Its region column (3, 10, 12, North 25) loses B's 10; A's row
    // (3, 20) loses A's male; B's row (10, 30) then has one, so B's male goes; North's male
    // column (20, 30, 40, 90) now has two. Nothing at region or England level is small.
    BreakdownCells cells =
        BreakdownCells.of(
            List.of(
                count("A", "North", "female", 3),
                count("A", "North", "male", 20),
                count("B", "North", "female", 10),
                count("B", "North", "male", 30),
                count("C", "North", "female", 12),
                count("C", "North", "male", 40),
                count("D", "South", "female", 8),
                count("D", "South", "male", 25),
                count("E", "South", "female", 9),
                count("E", "South", "male", 35)),
            CONFIG);
    assertThat(withheld(cells, BreakdownCells.PARTNERSHIP, "A B C D E"))
        .containsExactly("A female", "A male", "B female", "B male");
    assertThat(withheld(cells, BreakdownCells.REGION, "A D")).isEmpty();
    assertThat(withheld(cells, BreakdownCells.ENGLAND, "A")).isEmpty();
  }

  @Test
  void a_small_region_cell_takes_another_region_and_their_partnerships_follow() {
    // North: A f 6 m 20, B f 7 m 30; South: D f 2 m 25, E f 1 m 35. D's and E's females are
    // small and so is South's (3). England's female column (North 13, South 3, England 16) loses
    // North's 13; North's female column (6, 7, 13) then loses A's 6; the rows of A, D, E and of
    // both regions each had one, so their male cells go. England's cells stay (16 = two hidden).
    BreakdownCells cells =
        BreakdownCells.of(
            List.of(
                count("A", "North", "female", 6),
                count("A", "North", "male", 20),
                count("B", "North", "female", 7),
                count("B", "North", "male", 30),
                count("D", "South", "female", 2),
                count("D", "South", "male", 25),
                count("E", "South", "female", 1),
                count("E", "South", "male", 35)),
            CONFIG);
    assertThat(withheld(cells, BreakdownCells.PARTNERSHIP, "A B D E"))
        .containsExactly("A female", "A male", "D female", "D male", "E female", "E male");
    assertThat(withheld(cells, BreakdownCells.REGION, "A D"))
        .containsExactly("A female", "A male", "D female", "D male");
    assertThat(withheld(cells, BreakdownCells.ENGLAND, "A")).isEmpty();
  }

  @Test
  void years_and_dimensions_are_tables_of_their_own() {
    BreakdownCells cells =
        BreakdownCells.of(
            List.of(
                count("A", "North", "female", 3),
                count("A", "North", "male", 20),
                new BreakdownCells.Count("A", "North", "2011-12", "sex", "female", 30),
                new BreakdownCells.Count("A", "North", "2011-12", "sex", "male", 20),
                new BreakdownCells.Count("A", "North", "2010-11", "modality", "prescribing", 9)),
            CONFIG);
    assertThat(cells.hides(BreakdownCells.PARTNERSHIP, cell("A", "2010-11", "sex", "male")))
        .isTrue();
    assertThat(cells.hides(BreakdownCells.PARTNERSHIP, cell("A", "2011-12", "sex", "male")))
        .isFalse();
    assertThat(
            cells.hides(
                BreakdownCells.PARTNERSHIP, cell("A", "2010-11", "modality", "prescribing")))
        .isFalse();
  }

  private static BreakdownCells.Count count(
      String partnership, String region, String category, long people) {
    return new BreakdownCells.Count(partnership, region, "2010-11", "sex", category, people);
  }

  /** "partnership category" of every withheld cell of a family shown in these outputs. */
  private static List<String> withheld(BreakdownCells cells, String family, String partnerships) {
    TreeSet<String> out = new TreeSet<>();
    for (String p : partnerships.split(" ")) {
      for (String category : List.of("female", "male")) {
        if (cells.hides(family, cell(p, "2010-11", "sex", category))) {
          out.add(p + " " + category);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static java.util.function.Function<String, Object> cell(
      String partnership, String period, String dimension, String category) {
    return Map.<String, Object>of(
            "partnership", partnership,
            "period", period,
            "dimension", dimension,
            "category", category)
        ::get;
  }
}
