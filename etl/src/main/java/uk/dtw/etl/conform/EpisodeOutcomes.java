package uk.dtw.etl.conform;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import uk.dtw.etl.extract.Json;
import uk.dtw.etl.extract.LandingFile;
import uk.dtw.etl.extract.LineHeader;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.rules.Rule;
import uk.dtw.model.vocabulary.FinancialYear;

/**
 * Runs on executors: turns numbered lines of a record-level file (one episode per line) into the
 * same outcome rows as {@link OutcomeRows}, so bronze, quarantine and the report treat episodes
 * like every other extract. Small files come whole (many to a task); a large one comes as the lines
 * of one split, so a file of any size is read by as many tasks as it has splits.
 */
public final class EpisodeOutcomes implements java.io.Serializable {
  private final Map<String, LandingFile> filesByUri = new LinkedHashMap<>();

  /** The financial year each file's name gives (null when none): found once, not per line. */
  private final Map<String, String> yearByUri = new java.util.HashMap<>();

  private final OutcomeRows emitter;
  private final Conformer conformer;

  public EpisodeOutcomes(Map<String, LandingFile> files, Conformer conformer, OutcomeRows emitter) {
    files.values().forEach(f -> filesByUri.put(f.uri(), f));
    files.values().forEach(f -> yearByUri.put(f.uri(), extractYear(f)));
    this.conformer = conformer;
    this.emitter = emitter;
  }

  /** A whole small file, as Spark's binaryFile source gives it. */
  public Iterator<Row> wholeFile(Row binaryFile) {
    LandingFile file = filesByUri.get(binaryFile.<String>getAs("path"));
    if (file == null) {
      throw new IllegalStateException(
          "file was not in the landing listing: " + binaryFile.getAs("path"));
    }
    List<Problem> warnings = new ArrayList<>();
    String text = LineHeader.decode(binaryFile.getAs("content"), warnings);
    String[] lines = text.split("\r?\n", -1);
    int count =
        lines.length > 0 && lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
    LineHeader header =
        LineHeader.parse(
            count == 0 ? "" : lines[0],
            conformer.requiredColumns(),
            conformer.knownColumns(),
            warnings);
    List<Row> out = new ArrayList<>();
    header.warnings().forEach(w -> out.add(emitter.fileWarning(file, w)));
    // The whole file is here: keys it gives twice are found now, without a shuffle.
    String year = yearByUri.get(file.uri());
    List<Integer> rowNumbers = new ArrayList<>(count);
    List<String> records = new ArrayList<>(count);
    List<RowResult> results = new ArrayList<>(count);
    for (int i = 1; i < count; i++) {
      rowNumbers.add(i + 1);
      results.add(line(header, lines[i], year, records));
    }
    DuplicateKeys.check(emitter.factTable(), rowNumbers, results);
    for (int i = 0; i < results.size(); i++) {
      emitter.emit(out, file, rowNumbers.get(i), records.get(i), results.get(i));
    }
    emitter.fileRead();
    return out.iterator();
  }

  /** The lines of one split of a large file, each with its index in the file (0 = header). */
  public Iterator<Row> split(LandingFile file, LineHeader header, String line, long index) {
    List<Row> out = new ArrayList<>();
    if (index == 0) {
      header.warnings().forEach(w -> out.add(emitter.fileWarning(file, w)));
    } else {
      List<String> record = new ArrayList<>(1);
      RowResult result = line(header, line, yearByUri.get(file.uri()), record);
      emitter.emit(out, file, Math.toIntExact(index + 1), record.get(0), result); // header: row 1
    }
    return out.iterator();
  }

  /**
   * One line conformed; the line as read (its JSON record) is added to {@code records}. {@code
   * year} is the financial year the file's name gives, or null.
   */
  private RowResult line(LineHeader header, String line, String year, List<String> records) {
    RowResult result = new RowResult();
    String record;
    try {
      List<String> cells = header.cellsOf(line);
      record = Json.object(asRead(header, cells));
      if (!header.missing().isEmpty()) {
        result.add(
            Problem.error(
                String.join(",", header.missing()),
                Rule.REQUIRED_COLUMNS,
                "the file has no column "
                    + String.join(", ", header.missing())
                    + "; an episodes extract needs "
                    + String.join(", ", conformer.requiredColumns())));
      } else {
        RowResult conformed = conformer.conform(canonical(header, cells));
        conformed
            .figures()
            .forEach(e -> e.put("extract_year", year != null ? year : e.get("financial_year")));
        result.absorb(conformed);
      }
    } catch (IllegalArgumentException e) {
      record = Json.object(Map.of("line", line));
      result.add(Problem.error(null, Rule.CSV_SYNTAX, "unreadable CSV line: " + e.getMessage()));
    }
    records.add(record);
    return result;
  }

  /** The financial year a file's name or folder gives (episodes/2008-09/x.csv), or null. */
  private static String extractYear(LandingFile file) {
    return FinancialYear.find(file.relativePath()).map(f -> f.year().toString()).orElse(null);
  }

  /** Header to cell text, exactly as read; cells past the header are kept under their position. */
  private static Map<String, String> asRead(LineHeader header, List<String> cells) {
    Map<String, String> record = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      String name = i < header.raw().size() ? header.raw().get(i) : "column " + (i + 1);
      record.put(name, cells.get(i));
    }
    return record;
  }

  private static Map<String, String> canonical(LineHeader header, List<String> cells) {
    Map<String, String> byColumn = new LinkedHashMap<>();
    for (int i = 0; i < cells.size() && i < header.columns().size(); i++) {
      if (header.columns().get(i) != null) {
        byColumn.put(header.columns().get(i), cells.get(i));
      }
    }
    return byColumn;
  }
}
