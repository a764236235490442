package uk.dtw.model.vocabulary;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A period a figure is for: a financial year ({@code 2008-09}) or, as deaths and other
 * registrations are counted, a calendar year ({@code 2008}). The one reader of periods for the ETL
 * and the API alike.
 */
public sealed interface Period permits FinancialYear, CalendarYear {

  /** What a caller is told a period looks like when one cannot be read. */
  String EXPECTED = "a financial year such as 2008-09 (also 2008/09, 2008/9, 08/09 or 2008-2009)";

  /** Also a calendar year, for indicators. */
  String EXPECTED_OR_CALENDAR = EXPECTED + ", or for an indicator a calendar year such as 2008";

  /** The canonical spelling: {@code 2008-09} or {@code 2008}. */
  String code();

  LocalDate startDate();

  LocalDate endDate();

  Period previous();

  /** A financial year in any documented spelling, or a calendar year; empty otherwise. */
  static Optional<Period> parse(String text) {
    Optional<CalendarYear> calendar = CalendarYear.parse(text);
    if (calendar.isPresent()) {
      return Optional.of(calendar.get());
    }
    return FinancialYear.parse(text).map(Period.class::cast);
  }

  /** Every spelling the ETL accepts, a corrected typing slip included: what the API accepts too. */
  static Optional<Period> read(String text) {
    return parse(text).or(() -> FinancialYear.correctTypo(text).map(Period.class::cast));
  }
}
