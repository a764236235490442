package uk.dtw.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import uk.dtw.api.support.SampleWarehouse;
import uk.dtw.warehouse.Warehouse;

/** The warm-up runs every view but those whose plan reads the episodes themselves. */
class WarmupTest {
  @Test
  void views_no_aggregate_answers_are_only_planned_the_others_run() throws SQLException {
    try (Warehouse warehouse = Warehouse.open(SampleWarehouse.national().toString());
        Statement statement = warehouse.connection().createStatement()) {
      // Every episode once per year it is open in, and once per person: no aggregate stores them.
      assertThat(Warmup.scansEpisodes(statement, "SELECT COUNT(*) FROM episode_year")).isTrue();
      assertThat(Warmup.scansEpisodes(statement, "SELECT COUNT(*) FROM episode_person_year"))
          .isTrue();
      // Stored by the load (agg_episode_counts, agg_episode_category_counts): the planner reads
      // those instead, so running them is cheap.
      assertThat(Warmup.scansEpisodes(statement, "SELECT COUNT(*) FROM episode_counts")).isFalse();
      assertThat(Warmup.scansEpisodes(statement, "SELECT COUNT(*) FROM episode_breakdown"))
          .isFalse();
      assertThat(Warmup.scansEpisodes(statement, "SELECT COUNT(*) FROM partnership")).isFalse();
    }
  }
}
