package uk.dtw.model.reference;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * The measure codes each kind of fact stores (prevalence, treatment, bullseye, target), read from
 * dim_measure.csv: the one list the ETL's conformers load, the facts' descriptions name and the
 * views pivot.
 */
public final class MeasureCodes {
  private MeasureCodes() {}

  private static final class Table {
    static final Map<String, List<String>> BY_SUBJECT =
        ReferenceFiles.read("dim_measure.csv").stream()
            .collect(
                Collectors.groupingBy(
                    r -> r.get("subject"),
                    java.util.LinkedHashMap::new,
                    Collectors.mapping(
                        (CSVRecord r) -> r.get("measure_code"), Collectors.toList())));
  }

  /** The codes of one subject, in dim_measure's order; an unknown subject is a bug. */
  public static List<String> of(String subject) {
    List<String> codes = Table.BY_SUBJECT.get(subject);
    if (codes == null) {
      throw new IllegalArgumentException("dim_measure.csv has no subject " + subject);
    }
    return List.copyOf(codes);
  }
}
