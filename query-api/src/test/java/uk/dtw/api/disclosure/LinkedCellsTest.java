package uk.dtw.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fixed point over groups of cells with known sums, worked by hand. */
class LinkedCellsTest {
  private static final DisclosureConfig CONFIG = DisclosureConfig.DEFAULTS;

  @Test
  void a_region_of_one_small_partnership_takes_another_region_with_it_through_england() {
    // North East: Gateshead 3, South Tyneside 7, Sunderland 12, North Tyneside 20 (total 42);
    // North West: Halton 2 (total 2); England 44. Gateshead (3) and Halton (2) are small, and so is
    // the North West's total (2). In the North East Gateshead is alone, so South Tyneside (7)
    // goes. England's regions: North West alone withheld, and 44 - 42 would give it back, so the
    // North East (42) goes too. England stays: 44 - 12 - 20 leaves 12 for three unknowns.
    LinkedCells cells =
        cells("G", 3, "ST", 7, "S", 12, "NT", 20, "H", 2, "NE", 42, "NW", 2, "E", 44);
    for (String p : new String[] {"NE", "G", "ST", "S", "NT"}) {
      cells.member("north east", p);
    }
    cells.member("north west", "NW");
    cells.member("north west", "H");
    for (String a : new String[] {"E", "NE", "NW"}) {
      cells.member("england's regions", a);
    }
    for (String p : new String[] {"E", "G", "ST", "S", "NT", "H"}) {
      cells.member("england's partnerships", p);
    }

    assertThat(cells.withheld(CONFIG)).containsExactlyInAnyOrder("G", "ST", "H", "NW", "NE");
  }

  @Test
  void a_total_withheld_beside_members_all_shown_takes_its_smallest_member_and_zero_stays() {
    // Total 4 (small) of 0, 1 and 3: 1 and 3 are small too, so nothing more. Total 9 (visible)
    // of 0, 3 and 6: 3 is small and alone, so 6 goes; 0 is never chosen (it gives nothing away).
    LinkedCells cells = cells("t1", 4, "a", 0, "b", 1, "c", 3, "t2", 9, "d", 0, "e", 3, "f", 6);
    for (String k : new String[] {"t1", "a", "b", "c"}) {
      cells.member("one", k);
    }
    for (String k : new String[] {"t2", "d", "e", "f"}) {
      cells.member("two", k);
    }
    cells.member("two", "not a cell");

    assertThat(cells.withheld(CONFIG)).containsExactlyInAnyOrder("t1", "b", "c", "e", "f");
  }

  @Test
  void an_exempt_cell_is_never_chosen_and_the_next_smallest_goes_instead() {
    // Total 20 of 2, 5 and 13: 2 is small and alone; 5 would go, but it is exempt, so 13 goes.
    LinkedCells cells = cells("t", 20, "a", 2, "b", 5, "c", 13);
    for (String k : new String[] {"t", "a", "b", "c"}) {
      cells.member("one", k);
    }
    cells.exempt("b");

    assertThat(cells.withheld(CONFIG)).containsExactlyInAnyOrder("a", "c");
  }

  /** Cells from alternating keys and counts. */
  private static LinkedCells cells(Object... keyValue) {
    LinkedCells cells = new LinkedCells();
    for (int i = 0; i < keyValue.length; i += 2) {
      cells.cell((String) keyValue[i], ((Number) keyValue[i + 1]).doubleValue());
    }
    return cells;
  }
}
