package uk.dtw.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparisonTest {
  @Test
  void intervals_that_do_not_overlap_are_higher_or_lower() {
    assertThat(Comparison.judge(60, 70, 40, 59.9)).isEqualTo("higher");
    assertThat(Comparison.judge(40, 59.9, 60, 70)).isEqualTo("lower");
  }

  @Test
  void intervals_that_overlap_even_at_one_point_are_similar() {
    assertThat(Comparison.judge(49.1, 58.8, 52.0, 53.0)).isEqualTo("similar");
    assertThat(Comparison.judge(50, 60, 60, 70)).isEqualTo("similar");
  }

  @Test
  void a_missing_bound_cannot_be_judged() {
    assertThat(Comparison.judge(49.1, 58.8, null, 53.0)).isEqualTo("cannot be judged");
  }
}
