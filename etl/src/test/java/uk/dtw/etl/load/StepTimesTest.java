package uk.dtw.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepTimesTest {
  @Test
  void each_step_is_timed_until_the_next_and_steps_of_one_name_add_up() {
    long[] wall = {0};
    long[] cpu = {0};
    List<String> lines = new ArrayList<>();
    StepTimes steps = new StepTimes(lines::add, () -> wall[0], () -> cpu[0]);
    steps.step("listing", "listing the files...");
    wall[0] += 2_000_000_000L;
    cpu[0] += 1_000_000_000L;
    steps.step("fact_episode", null);
    wall[0] += 500_000_000L;
    cpu[0] += 900_000_000L;
    steps.step("listing", "listing again...");
    wall[0] += 1_000_000_000L;
    cpu[0] += 100_000_000L;

    assertThat(steps.summary())
        .isEqualTo(
            "time per step (wall/cpu): listing 3.0/1.1s, fact_episode 0.5/0.9s (total 3.5/2.0s)");
    assertThat(lines).containsExactly("listing the files...", "listing again...");
  }
}
