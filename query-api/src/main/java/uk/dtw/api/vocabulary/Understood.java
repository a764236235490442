package uk.dtw.api.vocabulary;

import java.util.Optional;
import uk.dtw.api.errors.Errors;
import uk.dtw.api.snapshot.Snapshot;
import uk.dtw.model.vocabulary.CodedValues;
import uk.dtw.model.vocabulary.FinancialYear;
import uk.dtw.model.vocabulary.Period;

/**
 * The one place the API reads words of the domain from its callers: through the model's vocabulary,
 * the code the ETL loads with, so that every spelling an extract may use is one a caller may type.
 * What the vocabulary does not understand becomes a 400 (or a 404 for a name) naming the parameter.
 */
public final class Understood {
  private Understood() {}

  /** A financial year in any spelling the ETL accepts (a corrected typing slip included). */
  public static FinancialYear financialYear(String parameter, String text) {
    return read(parameter, text, FinancialYear.read(text), Period.EXPECTED);
  }

  /** A financial year, or a calendar year as indicators may be reported by. */
  public static Period period(String parameter, String text) {
    return read(parameter, text, Period.read(text), Period.EXPECTED_OR_CALENDAR);
  }

  /** A partnership by any name it is known by (official, alias, with DAAT/DAT, any case). */
  public static Partnership partnership(Snapshot snapshot, String parameter, String text) {
    if (text == null || text.isBlank()) {
      throw Errors.missing(parameter, "a partnership name such as Gateshead");
    }
    AreaNamesInSnapshot names = AreaNamesInSnapshot.of(snapshot);
    return names
        .partnerships()
        .resolve(text)
        .map(names.byCode()::get)
        .orElseThrow(
            () -> Errors.unknownName(parameter, text, names.partnerships().closestNames(text, 3)));
  }

  /** A region's name as the warehouse writes it. */
  public static String region(Snapshot snapshot, String parameter, String text) {
    AreaNamesInSnapshot names = AreaNamesInSnapshot.of(snapshot);
    return names
        .regions()
        .resolve(text)
        .orElseThrow(() -> Errors.unknownValue(parameter, text, names.regionNames()));
  }

  /** The code of a coded column (drug_group, client_group, source) from any of its spellings. */
  public static String code(String parameter, String column, String text) {
    return CodedValues.code(column, text)
        .orElseThrow(() -> Errors.unknownValue(parameter, text, CodedValues.codes(column)));
  }

  private static <T> T read(String parameter, String text, Optional<T> value, String expected) {
    if (text == null || text.isBlank()) {
      throw Errors.missing(parameter, expected);
    }
    return value.orElseThrow(() -> Errors.malformed(parameter, text, expected));
  }
}
