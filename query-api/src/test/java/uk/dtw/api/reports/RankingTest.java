package uk.dtw.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
  record Area(String name, double value) {}

  @Test
  void ties_share_a_rank_and_the_next_rank_skips() {
    List<Area> areas =
        List.of(new Area("D", 30), new Area("B", 40), new Area("A", 50), new Area("C", 40));

    List<Ranking.Ranked<Area>> ranked = Ranking.descending(areas, Area::value, Area::name);

    assertThat(ranked)
        .extracting(Ranking.Ranked::rank, r -> r.item().name())
        .containsExactly(tuple(1, "A"), tuple(2, "B"), tuple(2, "C"), tuple(4, "D"));
  }

  @Test
  void a_tie_at_the_top_gives_two_firsts() {
    List<Area> areas = List.of(new Area("Y", 10), new Area("X", 10), new Area("Z", 5));

    assertThat(Ranking.descending(areas, Area::value, Area::name))
        .extracting(Ranking.Ranked::rank)
        .containsExactly(1, 1, 3);
  }

  @Test
  void nothing_to_rank_gives_no_ranks() {
    assertThat(Ranking.descending(List.<Area>of(), Area::value, Area::name)).isEmpty();
  }

  @Test
  void ascending_ranks_the_lowest_first_for_measures_where_low_is_good() {
    List<Area> areas = List.of(new Area("A", 3.0), new Area("B", 1.5), new Area("C", 1.5));

    assertThat(Ranking.rank(areas, Area::value, Area::name, false))
        .extracting(Ranking.Ranked::rank, r -> r.item().name())
        .containsExactly(tuple(1, "B"), tuple(1, "C"), tuple(3, "A"));
  }
}
