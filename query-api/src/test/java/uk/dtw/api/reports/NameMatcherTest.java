package uk.dtw.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameMatcherTest {
  private final NameMatcher matcher =
      new NameMatcher(
          List.of(
              "Gateshead",
              "Brighton and Hove",
              "Windsor and Maidenhead",
              "Gloucestershire",
              "Kent"));

  @Test
  void names_match_whatever_their_case_and_spacing() {
    assertThat(matcher.match("  GATESHEAD ")).contains("Gateshead");
    assertThat(matcher.match("brighton  and hove")).contains("Brighton and Hove");
  }

  @Test
  void an_ampersand_matches_and() {
    assertThat(matcher.match("Windsor & Maidenhead")).contains("Windsor and Maidenhead");
    assertThat(matcher.match("Brighton&Hove")).contains("Brighton and Hove");
  }

  @Test
  void an_unknown_name_matches_nothing_and_offers_the_nearest_three() {
    assertThat(matcher.match("Gatesheed")).isEmpty();
    assertThat(matcher.closest("Gatesheed", 3)).hasSize(3).first().isEqualTo("Gateshead");
  }

  @Test
  void edit_distance_counts_single_character_edits() {
    assertThat(NameMatcher.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(NameMatcher.distance("", "abc")).isEqualTo(3);
    assertThat(NameMatcher.distance("same", "same")).isZero();
  }
}
