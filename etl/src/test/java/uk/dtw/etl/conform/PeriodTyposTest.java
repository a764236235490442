package uk.dtw.etl.conform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.dtw.model.reference.FinancialYear;

class PeriodTyposTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"20010-11, 2010", "2008-009, 2008", "20008/09, 2008", "2009-20010, 2009"})
  void one_stray_keystroke_is_corrected_when_only_one_year_fits(String written, int startYear) {
    assertThat(PeriodTypos.correct(written)).contains(new FinancialYear(startYear));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2008-10", "2008", "2008-09", "n/a", "2019-2", "08-10"})
  void anything_else_is_not_guessed_at(String written) {
    assertThat(PeriodTypos.correct(written)).isEmpty();
  }
}
