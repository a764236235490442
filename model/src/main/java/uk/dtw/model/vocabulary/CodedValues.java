package uk.dtw.model.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import uk.dtw.model.reference.ReferenceFiles;

/**
 * The codes of coded columns (drug group, client group, funding source, target measure, and the
 * episodes' sex, ethnicity, substance, injecting, referral source, discharge reason and modality)
 * and every way extracts write them: the code itself, its printed name from the dimension, or a
 * word the plans print from {@code vocabulary/value_aliases.csv}. The one alias table, for every
 * layout.
 */
public final class CodedValues {
  private CodedValues() {}

  /** The coded columns, each with the dimension file that lists its codes and printed names. */
  private enum Dimension {
    DRUG_GROUP("drug_group", "a drug group", "dim_drug_group.csv", "drug_group", "name", null),
    CLIENT_GROUP(
        "client_group", "a client group", "dim_client_group.csv", "client_group", "name", null),
    SOURCE(
        "source", "a funding source", "dim_funding_source.csv", "source_code", "source_name", null),
    MEASURE("measure", "a target measure", "dim_measure.csv", "measure_code", "name", "target"),
    // The episodes' coded columns: primary and secondary substance share one list.
    SEX("sex", "a sex", "dim_sex.csv", "sex", "name", null),
    ETHNICITY("ethnicity", "an ethnic group", "dim_ethnicity.csv", "ethnicity", "name", null),
    SUBSTANCE("substance", "a substance", "dim_substance.csv", "substance", "name", null),
    INJECTING("injecting", "an injecting status", "dim_injecting.csv", "injecting", "name", null),
    REFERRAL_SOURCE(
        "referral_source",
        "a referral source",
        "dim_referral_source.csv",
        "referral_source",
        "name",
        null),
    DISCHARGE_REASON(
        "discharge_reason",
        "a discharge reason",
        "dim_discharge_reason.csv",
        "discharge_reason",
        "name",
        null),
    MODALITY("modality", "a treatment modality", "dim_modality.csv", "modality", "name", null);

    final String column;
    final String noun;
    final String file;
    final String codeColumn;
    final String nameColumn;
    final String subject;

    Dimension(String column, String noun, String file, String code, String name, String subject) {
      this.column = column;
      this.noun = noun;
      this.file = file;
      this.codeColumn = code;
      this.nameColumn = name;
      this.subject = subject;
    }
  }

  private static final class Tables {
    static final Map<String, List<String>> CODES = new LinkedHashMap<>();
    static final Map<String, String> NOUNS = new LinkedHashMap<>();
    static final Map<String, String> BY_KEY = new LinkedHashMap<>();

    static {
      for (Dimension d : Dimension.values()) {
        List<String> codes = new ArrayList<>();
        for (CSVRecord r : ReferenceFiles.read(d.file)) {
          if (d.subject != null && !d.subject.equals(r.get("subject"))) {
            continue;
          }
          String code = r.get(d.codeColumn);
          codes.add(code);
          put(d.column, code, code);
          put(d.column, code.replace('_', ' '), code);
          put(d.column, r.get(d.nameColumn), code);
        }
        CODES.put(d.column, List.copyOf(codes));
        NOUNS.put(d.column, d.noun);
      }
      for (CSVRecord r : aliasRecords()) {
        if (!CODES.containsKey(r.get("column"))
            || !CODES.get(r.get("column")).contains(r.get("value"))) {
          throw new IllegalStateException(
              "value_aliases.csv line "
                  + r.getRecordNumber()
                  + ": "
                  + r.get("value")
                  + " is not a code of "
                  + r.get("column"));
        }
        put(r.get("column"), r.get("alias"), r.get("value"));
      }
    }

    private static void put(String column, String words, String code) {
      String before = BY_KEY.putIfAbsent(column + "|" + Words.key(words), code);
      if (before != null && !before.equals(code)) {
        throw new IllegalStateException(
            column + " '" + words + "' would mean both " + before + " and " + code);
      }
    }
  }

  /** The code a cell of a coded column means, or empty when no code is written that way. */
  public static Optional<String> code(String column, String text) {
    return Optional.ofNullable(Tables.BY_KEY.get(column + "|" + Words.key(text)));
  }

  /** The valid codes of a coded column, in the dimension's order. */
  public static List<String> codes(String column) {
    List<String> codes = Tables.CODES.get(column);
    if (codes == null) {
      throw new IllegalArgumentException("not a coded column: " + column);
    }
    return codes;
  }

  /** What a person calls a value of the column: "a funding source". */
  public static String noun(String column) {
    codes(column);
    return Tables.NOUNS.get(column);
  }

  private static List<CSVRecord> aliasRecords() {
    return ReferenceFiles.resource("vocabulary/value_aliases.csv");
  }
}
