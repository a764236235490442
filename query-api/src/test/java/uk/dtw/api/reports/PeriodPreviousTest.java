package uk.dtw.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeriodPreviousTest {
  @Test
  void the_previous_financial_year_crosses_centuries_and_calendar_years_step_back_one() {
    assertThat(Period.previous("2008-09")).isEqualTo("2007-08");
    assertThat(Period.previous("2000-01")).isEqualTo("1999-00");
    assertThat(Period.previous("2008")).isEqualTo("2007");
  }

  @Test
  void a_calendar_year_is_read_only_where_allowed() {
    assertThat(Period.parseAny("period", "2008")).isEqualTo("2008");
    assertThat(Period.parseAny("period", "2008/9")).isEqualTo("2008-09");
  }
}
