package uk.dtw.etl.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.dtw.model.reference.Area;
import uk.dtw.model.reference.AreaDirectory;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * Writes a synthetic national landing folder in the canonical layout: every partnership that
 * existed in each year, with prevalence, treatment and funding extracts, one file per kind and
 * year. Deterministic for a seed, so benchmarks and tests can regenerate it instead of keeping it.
 */
public final class NationalExtracts {
  private final AreaDirectory areas = AreaDirectory.load();
  private final long seed;

  public NationalExtracts(long seed) {
    this.seed = seed;
  }

  /** Writes the files and returns how many data rows they hold. */
  public long write(Path out, FinancialYear from, FinancialYear to) {
    long rows = 0;
    for (FinancialYear y = from; y.compareTo(to) <= 0; y = y.next()) {
      FinancialYear year = y;
      List<SyntheticPartnership> partnerships =
          areas.all().stream()
              .filter(a -> a.level() == Area.Level.PARTNERSHIP && a.validIn(year))
              .map(a -> new SyntheticPartnership(a, seed))
              .toList();
      rows +=
          write(out.resolve("prevalence_" + year + ".csv"), partnerships, year, Kind.PREVALENCE);
      rows += write(out.resolve("treatment_" + year + ".csv"), partnerships, year, Kind.TREATMENT);
      rows += write(out.resolve("funding_" + year + ".csv"), partnerships, year, Kind.FUNDING);
    }
    return rows;
  }

  private enum Kind {
    PREVALENCE,
    TREATMENT,
    FUNDING
  }

  private static long write(
      Path file, List<SyntheticPartnership> partnerships, FinancialYear year, Kind kind) {
    long rows = 0;
    try {
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
        switch (kind) {
          case PREVALENCE ->
              csv.printRecord(
                  "partnership",
                  "period",
                  "drug_group",
                  "estimate",
                  "lower_95",
                  "upper_95",
                  "rate_per_1000");
          case TREATMENT ->
              csv.printRecord(
                  "partnership",
                  "period",
                  "client_group",
                  "in_treatment",
                  "in_effective_treatment",
                  "new_presentations",
                  "planned_exits",
                  "unplanned_exits",
                  "referred_on");
          case FUNDING -> csv.printRecord("partnership", "period", "source", "amount_gbp", "note");
        }
        for (SyntheticPartnership p : partnerships) {
          for (List<Object> record :
              switch (kind) {
                case PREVALENCE -> p.prevalence(year);
                case TREATMENT -> p.treatment(year);
                case FUNDING -> p.funding(year);
              }) {
            csv.printRecord(record);
            rows++;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return rows;
  }

  static String format(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }
}
