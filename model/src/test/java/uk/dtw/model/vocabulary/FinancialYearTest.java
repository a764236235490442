package uk.dtw.model.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinancialYearTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2008-09",
        "2008/09",
        "2008/9",
        "08/09",
        "2008-2009",
        "2008 - 09",
        " 2008/09 ",
        "2008\u201309",
        "2008_09"
      })
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

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"20010-11, 2010", "2008-009, 2008", "20008/09, 2008", "2009-20010, 2009"})
  void one_stray_keystroke_is_corrected_when_only_one_year_fits(String written, int startYear) {
    assertThat(FinancialYear.correctTypo(written)).contains(new FinancialYear(startYear));
    assertThat(FinancialYear.read(written)).contains(new FinancialYear(startYear));
    assertThat(Period.read(written)).contains(new FinancialYear(startYear));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"2008-10", "2008", "2008-09", "n/a", "2019-2", "08-10"})
  void anything_else_is_not_guessed_at(String written) {
    assertThat(FinancialYear.correctTypo(written)).isEmpty();
  }

  @Test
  void a_year_inside_other_words_is_found_where_it_was_written() {
    String header = "PDUs in Treat't 08-9";
    FinancialYear.Found found = FinancialYear.find(header).orElseThrow();
    assertThat(found.year().code()).isEqualTo("2008-09");
    assertThat(header.substring(found.start(), found.end())).isEqualTo("08-9");
    assertThat(FinancialYear.find("treatment_2008_09.csv").orElseThrow().year().code())
        .isEqualTo("2008-09");
    assertThat(FinancialYear.find("rate per 1000 aged 15-64")).isEmpty();
  }

  @Test
  void a_calendar_year_is_a_period_but_not_a_financial_year() {
    assertThat(Period.parse("2008")).contains(new CalendarYear(2008));
    assertThat(Period.parse("2008-09")).contains(new FinancialYear(2008));
    assertThat(Period.parse("2008").orElseThrow().previous().code()).isEqualTo("2007");
    assertThat(FinancialYear.parse("2008")).isEmpty();
  }
}
