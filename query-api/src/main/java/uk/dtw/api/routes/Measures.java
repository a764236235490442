package uk.dtw.api.routes;

import uk.dtw.api.errors.Errors;
import uk.dtw.api.reports.Measure;
import uk.dtw.api.reports.MeasureCatalogue;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.api.vocabulary.Understood;

/** Reading a measure and the periods it is asked for, with errors that name the parameter. */
final class Measures {
  private Measures() {}

  /** A catalogued measure, or indicator:<code>, by name. */
  static Measure resolve(Snapshot snapshot, String parameter, String name) {
    return MeasureCatalogue.resolve(snapshot, parameter, name);
  }

  /** The period parameter; indicators may also be asked for by calendar year. */
  static String period(Measure measure, String text) {
    return measure.filterColumn() == null
        ? Understood.financialYear("period", text).code()
        : Understood.period("period", text).code();
  }

  /**
   * The baseline parameter, checked to be earlier than the period and allowed for the measure; null
   * when absent.
   */
  static String baseline(Measure measure, String period, String text) {
    if (text == null) {
      return null;
    }
    if (!measure.takesBaseline()) {
      throw Errors.conflicting(
          "baseline", text, "no baseline: only a change measure takes one (effective_change)");
    }
    String baseline = Understood.financialYear("baseline", text).code();
    if (baseline.compareTo(period) >= 0) {
      throw Errors.conflicting("baseline", text, "a financial year before the period " + period);
    }
    return baseline;
  }
}
