package uk.dtw.model.reference;

import java.util.List;
import org.apache.commons.csv.CSVRecord;

/** The age bands of dim_age_band.csv: which band an age at referral falls in. */
public final class AgeBands {
  private record Band(String code, int from, Integer to) {}

  private static final List<Band> BANDS =
      ReferenceFiles.read("dim_age_band.csv").stream().map(AgeBands::band).toList();

  private AgeBands() {}

  /** The band's code, e.g. 25-34; every age from 0 up falls in exactly one band. */
  public static String of(int age) {
    for (Band b : BANDS) {
      if (age >= b.from() && (b.to() == null || age <= b.to())) {
        return b.code();
      }
    }
    throw new IllegalArgumentException("no age band holds " + age);
  }

  private static Band band(CSVRecord r) {
    String to = r.get("to_age");
    return new Band(
        r.get("age_band"),
        Integer.parseInt(r.get("from_age")),
        to.isEmpty() ? null : Integer.valueOf(to));
  }
}
