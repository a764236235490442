package uk.dtw.etl.conform;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import uk.dtw.etl.extract.ExtractKind;
import uk.dtw.etl.extract.FileContext;
import uk.dtw.etl.extract.InputRow;
import uk.dtw.etl.extract.LandingFile;
import uk.dtw.etl.extract.Layouts;
import uk.dtw.etl.extract.Sheets;
import uk.dtw.etl.rules.Problem;
import uk.dtw.etl.spark.SparkTypes;
import uk.dtw.model.schema.Column;

/**
 * Runs on executors: reads each extract file of one kind and emits one outcome row per figure, per
 * held-back rule, per skipped row or per warning, each carrying its file, row and the row as read.
 *
 * <p>Every data row yields exactly one outcome with {@code first_of_row} set, so bronze gets every
 * row exactly once and the load report can count read = loaded + quarantined + skipped. Warnings
 * never carry {@code first_of_row}: they are about a row, not a row.
 */
public final class OutcomeRows implements FlatMapFunction<Row, Row> {
  public static final String LOADED = "loaded";
  public static final String QUARANTINED = "quarantined";
  public static final String SKIPPED = "skipped";
  public static final String WARNING = "warning";

  private final ExtractKind kind;

  /** A workbook's uri may carry several extracts of this kind, one per sheet. */
  private final Map<String, List<LandingFile>> filesByUri;

  private final String loadId;

  /** Rows and files read, for the progress display; null when nobody watches. */
  private ReadCounters counters;

  public OutcomeRows(ExtractKind kind, Map<String, LandingFile> filesByUri, String loadId) {
    this.kind = kind;
    this.filesByUri =
        filesByUri.values().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    LandingFile::uri,
                    java.util.LinkedHashMap::new,
                    java.util.stream.Collectors.toList()));
    this.loadId = loadId;
  }

  /** Counts every row and file this reads into {@code counters} (null: counts nothing). */
  public OutcomeRows counting(ReadCounters counters) {
    this.counters = counters;
    return this;
  }

  /** The working shape: status and bookkeeping, then the fact table's columns (all nullable). */
  public static StructType schema(ExtractKind kind) {
    List<StructField> fields =
        new ArrayList<>(
            List.of(
                DataTypes.createStructField("status", DataTypes.StringType, false),
                DataTypes.createStructField("first_of_row", DataTypes.BooleanType, false),
                DataTypes.createStructField("file_order", DataTypes.IntegerType, false),
                DataTypes.createStructField("extract_kind", DataTypes.StringType, false),
                DataTypes.createStructField("file_sha256", DataTypes.StringType, false),
                DataTypes.createStructField("record", DataTypes.StringType, false),
                DataTypes.createStructField("column_name", DataTypes.StringType, true),
                DataTypes.createStructField("rule", DataTypes.StringType, true),
                DataTypes.createStructField("message", DataTypes.StringType, true)));
    fields.addAll(SparkTypes.fields(kind.factTable().columns(), true));
    fields.addAll(SparkTypes.fields(kind.carriedColumns(), true));
    return new StructType(fields.toArray(StructField[]::new));
  }

  @Override
  public Iterator<Row> call(Row binaryFile) {
    List<LandingFile> files = filesByUri.get(binaryFile.<String>getAs("path"));
    if (files == null) {
      throw new IllegalStateException(
          "file was not in the landing listing: " + binaryFile.getAs("path"));
    }
    List<Row> out = new ArrayList<>();
    for (LandingFile file : files) {
      out.addAll(outcomes(file, binaryFile.getAs("content")));
      fileRead();
    }
    return out.iterator();
  }

  private List<Row> outcomes(LandingFile file, byte[] content) {
    Conformer conformer = Conformer.forKind(kind);
    FileContext context =
        new FileContext(
            kind, file.relativePath(), conformer.requiredColumns(), conformer.knownColumns());
    Layouts.Read read = Layouts.read(Sheets.grid(file, content), context);
    List<RowResult> results = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    for (InputRow row : read.rows()) {
      results.add(conform(conformer, row));
      rowNumbers.add(row.row);
    }
    conformer.checkFile(rowNumbers, results);
    DuplicateKeys.check(kind.factTable(), rowNumbers, results);
    List<Row> out = new ArrayList<>();
    for (Problem w : read.fileWarnings()) {
      out.add(
          row(file, 1, "{}", WARNING, false, w.column(), w.rule().code(), w.message(), Map.of()));
    }
    for (int i = 0; i < results.size(); i++) {
      InputRow input = read.rows().get(i);
      emit(out, file, input.row, input.recordJson, results.get(i));
    }
    return out;
  }

  /**
   * One input row: the reader's problems or skip, else every canonical record it gave, conformed.
   */
  private static RowResult conform(Conformer conformer, InputRow row) {
    RowResult result = new RowResult();
    row.problems.forEach(result::add);
    row.warnings.forEach(result::add);
    if (row.skipReason() != null) {
      result.skip(row.skipReason());
    } else if (row.problems.isEmpty()) {
      row.records.forEach(record -> result.absorb(conformer.conform(record)));
    }
    return result;
  }

  /** The outcome rows of one input row: what {@link EpisodeOutcomes} emits too. */
  void emit(List<Row> out, LandingFile file, int sourceRow, String record, RowResult result) {
    if (counters != null) {
      counters.row();
    }
    boolean first = true;
    if (result.quarantined()) {
      for (Problem p : result.problems()) {
        out.add(
            row(
                file,
                sourceRow,
                record,
                QUARANTINED,
                first,
                p.column(),
                p.rule().code(),
                p.message(),
                Map.of()));
        first = false;
      }
    } else if (result.skipReason() != null) {
      out.add(
          row(
              file,
              sourceRow,
              record,
              SKIPPED,
              true,
              null,
              null, // a skip breaks no rule: its reason says why the row had nothing to load
              result.skipReason(),
              Map.of()));
    } else {
      for (Map<String, Object> figure : result.figures()) {
        out.add(row(file, sourceRow, record, LOADED, first, null, null, null, figure));
        first = false;
      }
    }
    for (Problem w : result.warnings()) {
      out.add(
          row(
              file,
              sourceRow,
              record,
              WARNING,
              false,
              w.column(),
              w.rule().code(),
              w.message(),
              Map.of()));
    }
  }

  /** The fact table the figures are rows of. */
  uk.dtw.model.schema.TableDef factTable() {
    return kind.factTable();
  }

  /** One whole file has been read (a split file's parts are not counted here). */
  void fileRead() {
    if (counters != null) {
      counters.file();
    }
  }

  /** A warning about a whole file (row 1, its header). */
  Row fileWarning(LandingFile file, Problem w) {
    return row(file, 1, "{}", WARNING, false, w.column(), w.rule().code(), w.message(), Map.of());
  }

  private Row row(
      LandingFile file,
      int sourceRow,
      String record,
      String status,
      boolean first,
      String column,
      String rule,
      String message,
      Map<String, Object> figure) {
    List<Object> values =
        new ArrayList<>(List.of(status, first, file.order(), kind.code(), file.sha256(), record));
    values.add(column);
    values.add(rule);
    values.add(message);
    for (Column c : kind.factTable().columns()) {
      values.add(
          switch (c.name()) {
            case "load_id" -> loadId;
            case "source_file" -> file.relativePath();
            case "source_row" -> sourceRow;
            default -> figure.get(c.name());
          });
    }
    kind.carriedColumns().forEach(c -> values.add(figure.get(c.name())));
    return RowFactory.create(values.toArray());
  }
}
