package uk.dtw.model.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FinancialYearTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"2008-09", "2008/09", "2008/9", "08/09", "2008-2009", "2008 - 09", " 2008/09 "})
  void every_way_extracts_write_a_year_reads_as_2008_09(String written) {
    assertThat(FinancialYear.parse(written))
        .hasValueSatisfying(y -> assertThat(y.toString()).isEqualTo("2008-09"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2008-10", "2008", "20010-11", "09/08", "abc", ""})
  void years_that_do_not_follow_each_other_are_not_periods(String written) {
    assertThat(FinancialYear.parse(written)).isEmpty();
  }

  @Test
  void a_financial_year_runs_april_to_march() {
    FinancialYear y = FinancialYear.parse("2007-8").orElseThrow();
    assertThat(y.startDate()).isEqualTo(LocalDate.of(2007, 4, 1));
    assertThat(y.endDate()).isEqualTo(LocalDate.of(2008, 3, 31));
    assertThat(FinancialYear.containing(LocalDate.of(2009, 3, 31))).isEqualTo(y.next());
    assertThat(y.previous().toString()).isEqualTo("2006-07");
  }
}
