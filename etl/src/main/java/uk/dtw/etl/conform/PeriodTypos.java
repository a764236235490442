package uk.dtw.etl.conform;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import uk.dtw.model.reference.FinancialYear;

/**
 * Corrects a period with one stray keystroke, such as {@code 20010-11}, but only when exactly one
 * financial year can be made by deleting a single character: {@code 2008-10} could be 2008-09 or
 * 2009-10, so it is never guessed at. Every correction is reported as a warning.
 */
final class PeriodTypos {
  private PeriodTypos() {}

  static Optional<FinancialYear> correct(String text) {
    String t = text.trim();
    if (t.isEmpty() || FinancialYear.parse(t).isPresent()) {
      return Optional.empty();
    }
    Set<FinancialYear> fits = new HashSet<>();
    for (int i = 0; i < t.length(); i++) {
      if (Character.isDigit(t.charAt(i))) {
        FinancialYear.parse(t.substring(0, i) + t.substring(i + 1)).ifPresent(fits::add);
      }
    }
    return fits.size() == 1 ? Optional.of(fits.iterator().next()) : Optional.empty();
  }
}
