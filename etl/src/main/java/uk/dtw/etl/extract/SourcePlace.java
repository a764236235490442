package uk.dtw.etl.extract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.dtw.model.reference.FinancialYear;

/**
 * What a file's place says when its table does not: a partnership's own table names the partnership
 * by the folder it sits in ({@code Gateshead/funding.csv}) and may name the period in the file name
 * ({@code treatment_2008-09.csv}).
 */
record SourcePlace(String relativePath) {
  private static final Pattern YEAR =
      Pattern.compile("(?<![0-9])(\\d{4})[-_/](\\d{2}|\\d{4})(?![0-9])");

  /** The folder the file sits in, or empty for a file at the top of the landing folder. */
  Optional<String> folder() {
    int slash = relativePath.lastIndexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String parent = relativePath.substring(0, slash);
    return Optional.of(parent.substring(parent.lastIndexOf('/') + 1).replace('_', ' '));
  }

  /** The financial year written in the file name, as written, if one reads as a financial year. */
  Optional<String> periodInName() {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    Matcher m = YEAR.matcher(name);
    while (m.find()) {
      String written = m.group(1) + "-" + m.group(2);
      if (FinancialYear.parse(written).isPresent()) {
        return Optional.of(written);
      }
    }
    return Optional.empty();
  }
}
