package uk.dtw.etl.conform;

import java.util.Optional;
import uk.dtw.model.reference.Area;
import uk.dtw.model.vocabulary.FinancialYear;
import uk.dtw.model.vocabulary.Period;

/**
 * The period an indicator figure is for: a financial year ({@code 2008-09}) or, as deaths and other
 * registrations are counted, a calendar year ({@code 2008}).
 */
record IndicatorPeriod(Period period) {

  static Optional<IndicatorPeriod> parse(String text) {
    return Period.parse(text).map(IndicatorPeriod::new);
  }

  String code() {
    return period.code();
  }

  /**
   * True if the area existed during part of the period (a calendar year spans two financial years).
   */
  boolean validFor(Area area) {
    return area.validIn(FinancialYear.containing(period.startDate()))
        || area.validIn(FinancialYear.containing(period.endDate()));
  }
}
