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
  private final double scale;

  /**
   * {@code scale} sizes the episodes: 1 gives each partnership as many people in treatment as its
   * treatment extract reports (about 200,000 a year in England); 0 writes no episodes.
   */
  public NationalExtracts(long seed, double scale) {
    if (!(scale >= 0)) {
      throw new IllegalArgumentException("scale must be 0 or more, not " + scale);
    }
    this.seed = seed;
    this.scale = scale;
  }

  /** Writes the files and returns how many data rows they hold. */
  public long write(Path out, FinancialYear from, FinancialYear to) {
    long rows = 0;
    if (scale > 0) {
      rows += writeEpisodes(out.resolve("episodes"), from, to);
    }
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
      rows += write(out.resolve("targets_" + year + ".csv"), partnerships, year, Kind.TARGETS);
    }
    return rows;
  }

  /** One file per partnership and year: episodes/2008-09/episodes_2008-09_00MR.csv. */
  private long writeEpisodes(Path out, FinancialYear from, FinancialYear to) {
    long rows = 0;
    for (Area area : areas.all()) {
      if (area.level() != Area.Level.PARTNERSHIP) {
        continue;
      }
      SyntheticPartnership p = new SyntheticPartnership(area, seed);
      FinancialYear first = from;
      while (first.compareTo(to) <= 0 && !area.validIn(first)) {
        first = first.next();
      }
      FinancialYear last = first;
      while (last.next().compareTo(to) <= 0 && area.validIn(last.next())) {
        last = last.next();
      }
      if (first.compareTo(to) > 0) {
        continue;
      }
      var byYear = p.episodes.episodes(first, last, y -> scale * p.adultsInTreatment(y));
      for (var e : byYear.entrySet()) {
        Path file =
            out.resolve(e.getKey().toString())
                .resolve("episodes_" + e.getKey() + "_" + area.code() + ".csv");
        rows += print(file, SyntheticEpisodes.HEADER, e.getValue());
      }
    }
    return rows;
  }

  private static long print(Path file, List<String> header, List<List<Object>> records) {
    try {
      Files.createDirectories(file.getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
        csv.printRecord(header);
        for (List<Object> r : records) {
          csv.printRecord(r);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return records.size();
  }

  private enum Kind {
    PREVALENCE,
    TREATMENT,
    FUNDING,
    TARGETS
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
          case TARGETS -> csv.printRecord("partnership", "measure", "period", "kind", "value");
        }
        for (SyntheticPartnership p : partnerships) {
          for (List<Object> record :
              switch (kind) {
                case PREVALENCE -> p.prevalence(year);
                case TREATMENT -> p.treatment(year);
                case FUNDING -> p.funding(year);
                case TARGETS -> p.targets(year);
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
