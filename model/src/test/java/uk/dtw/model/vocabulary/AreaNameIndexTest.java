package uk.dtw.model.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AreaNameIndexTest {
  private final AreaNameIndex index =
      AreaNameIndex.builder()
          .official("Gateshead", "G")
          .official("Brighton and Hove", "B")
          .official("Windsor and Maidenhead", "W")
          .official("Hampshire", "H")
          .alias("HDAAT", "H")
          .official("Kent", "K")
          .build();

  @Test
  void names_match_whatever_their_case_spacing_ampersand_or_partnership_suffix() {
    assertThat(index.resolve("  GATESHEAD ")).contains("G");
    assertThat(index.resolve("Brighton&Hove")).contains("B");
    assertThat(index.resolve("Windsor & Maidenhead DAAT")).contains("W");
    assertThat(index.resolve("Hampshire Drug and Alcohol Action Team")).contains("H");
    assertThat(index.resolve("hdaat")).contains("H");
  }

  @Test
  void an_unknown_name_matches_nothing_and_offers_the_nearest_official_names() {
    assertThat(index.resolve("Gatesheed")).isEmpty();
    assertThat(index.closestNames("Gatesheed", 3)).hasSize(3).first().isEqualTo("Gateshead");
    assertThat(index.closestNames("HDAT", 1)).containsExactly("Hampshire");
  }

  @Test
  void a_name_that_would_mean_two_areas_is_refused() {
    assertThatThrownBy(() -> AreaNameIndex.builder().official("Kent", "K").alias("kent", "X"))
        .hasMessageContaining("would mean both K and X");
  }

  @Test
  void levenshtein_distance_counts_single_edits() {
    assertThat(AreaNames.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(AreaNames.distance("", "abc")).isEqualTo(3);
    assertThat(AreaNames.distance("same", "same")).isZero();
  }
}
