package uk.dtw.etl.load;

import static org.apache.spark.sql.functions.col;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import uk.dtw.etl.conform.OutcomeRows;
import uk.dtw.etl.extract.LandingFile;
import uk.dtw.etl.report.FileReport;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;

/**
 * Counts what became of every row of every new file, so the report can show read = loaded +
 * quarantined + skipped.
 */
final class LoadAccounting {
  private LoadAccounting() {}

  /**
   * Fills the new files' reports from the outcomes; only counts and a bounded list of problems
   * reach the driver. {@code tallied} gets the number of rows read as soon as they are counted: by
   * the first action over the outcomes, the one that reads the files (the rest read its cache).
   */
  static void count(
      Dataset<Row> outcomes,
      Map<String, LandingFile> files,
      LoadReport report,
      int problemsPerFile,
      LongConsumer tallied) {
    Map<String, FileReport> bySha = new HashMap<>();
    for (LandingFile f : files.values()) {
      report.files.stream()
          .filter(r -> r.path.equals(f.relativePath()))
          .findFirst()
          .ifPresent(r -> bySha.put(f.sha256(), r));
    }
    long read = 0;
    for (Row r :
        outcomes
            .filter(col("first_of_row"))
            .groupBy("file_sha256", "status")
            .count()
            .collectAsList()) {
      FileReport file = bySha.get(r.getString(0));
      long n = r.getLong(2);
      file.read += n;
      read += n;
      switch (r.getString(1)) {
        case OutcomeRows.LOADED -> file.loaded += n;
        case OutcomeRows.QUARANTINED -> file.quarantined += n;
        default -> file.skipped += n;
      }
    }
    tallied.accept(read);
    List<Row> problems =
        outcomes
            .filter(col("status").equalTo(OutcomeRows.QUARANTINED))
            .select("file_sha256", "source_row", "column_name", "rule", "message")
            .orderBy("file_sha256", "source_row", "rule")
            .limit(problemsPerFile * Math.max(1, files.size()))
            .collectAsList();
    for (Row p : problems) {
      FileReport file = bySha.get(p.getString(0));
      if (file.problems.size() < problemsPerFile) {
        file.add(p.getInt(1), problem(p));
      }
    }
    List<Row> skips =
        outcomes
            .filter(col("status").equalTo(OutcomeRows.SKIPPED))
            .select("file_sha256", "source_row", "message")
            .orderBy("file_sha256", "source_row")
            .limit(problemsPerFile * Math.max(1, files.size()))
            .collectAsList();
    for (Row s : skips) {
      FileReport file = bySha.get(s.getString(0));
      if (file.skips.size() < problemsPerFile) {
        file.skip(s.getInt(1), s.getString(2));
      }
    }
  }

  /**
   * Fills each file's warnings (row, column, what was read and what it became), bounded per file
   * like problems.
   */
  static void warnings(
      Dataset<Row> outcomes, Map<String, LandingFile> files, LoadReport report, int perFile) {
    Map<String, FileReport> bySha = new HashMap<>();
    for (LandingFile f : files.values()) {
      report.files.stream()
          .filter(r -> r.path.equals(f.relativePath()))
          .findFirst()
          .ifPresent(r -> bySha.put(f.sha256(), r));
    }
    List<Row> warnings =
        outcomes
            .filter(col("status").equalTo(OutcomeRows.WARNING))
            .select("file_sha256", "source_row", "column_name", "rule", "message")
            .orderBy("file_sha256", "source_row", "column_name")
            .limit(perFile * Math.max(1, files.size()))
            .collectAsList();
    for (Row w : warnings) {
      FileReport file = bySha.get(w.getString(0));
      if (file.warnings.size() < perFile) {
        file.add(w.getInt(1), problem(w));
      }
    }
  }

  static List<Row> manifestRows(
      Collection<LandingFile> files, LoadReport report, String loadId, Instant finished) {
    List<Row> rows = new ArrayList<>();
    for (LandingFile f : files) {
      FileReport r =
          report.files.stream()
              .filter(x -> x.path.equals(f.relativePath()))
              .findFirst()
              .orElseThrow();
      rows.add(
          RowFactory.create(
              f.sha256(),
              f.relativePath(),
              f.kind().code(),
              loadId,
              r.read,
              r.loaded,
              r.quarantined,
              r.skipped,
              Timestamp.from(finished)));
    }
    return rows;
  }

  /** An outcome row's column, rule code and message (columns 2 to 4) as the problem it was. */
  private static Problem problem(Row r) {
    Rule rule =
        Rule.of(r.getString(3))
            .orElseThrow(() -> new IllegalStateException("not a rule: " + r.getString(3)));
    return new Problem(r.getString(2), rule, r.getString(4));
  }
}
