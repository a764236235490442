package uk.dtw.model.reference;

import java.time.LocalDate;
import java.util.List;
import uk.dtw.model.vocabulary.FinancialYear;

/** A partnership, region or England: one row of dim_area. */
public record Area(
    String code,
    String name,
    Level level,
    String regionCode,
    String regionName,
    LocalDate validFrom,
    LocalDate validTo,
    List<String> successorCodes,
    List<String> districtCodes) {

  /** The levels figures are reported at. */
  public enum Level {
    PARTNERSHIP,
    REGION,
    COUNTRY;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** True if the area existed as such during part of the given financial year. */
  public boolean validIn(FinancialYear year) {
    return !validFrom.isAfter(year.endDate())
        && (validTo == null || !validTo.isBefore(year.startDate()));
  }
}
