package uk.dtw.etl.extract;

import java.util.Optional;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * What a file's place says when its table does not: a partnership's own table names the partnership
 * by the folder it sits in ({@code Gateshead/funding.csv}) and may name the period in the file name
 * ({@code treatment_2008-09.csv}).
 */
record SourcePlace(String relativePath) {
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
    return FinancialYear.find(name).map(y -> name.substring(y.start(), y.end()));
  }
}
