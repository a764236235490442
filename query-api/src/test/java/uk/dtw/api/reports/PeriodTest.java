package uk.dtw.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.dtw.api.errors.ApiError;

class PeriodTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"2008-09", "2008/09", "2008-2009", "2008/2009", "2008/9", "08/09", " 2008 - 09 "})
  void every_common_spelling_of_a_financial_year_reads_as_the_canonical_form(String typed) {
    assertThat(Period.parse(typed)).isEqualTo("2008-09");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1999-00", "1999/2000"})
  void a_year_spanning_the_century_reads_correctly(String typed) {
    assertThat(Period.parse(typed)).isEqualTo("1999-00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2008", "20010-11", "2008-10", "last year", "2008-08"})
  void an_unreadable_period_is_a_400_naming_period(String typed) {
    assertThatThrownBy(() -> Period.parse(typed))
        .isInstanceOfSatisfying(
            ApiError.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.parameter()).isEqualTo("period");
              assertThat(e.hint()).contains("2008-09");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void a_missing_period_is_a_400_naming_period(String typed) {
    assertThatThrownBy(() -> Period.parse(typed))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.parameter()).isEqualTo("period"));
    assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(ApiError.class);
  }
}
