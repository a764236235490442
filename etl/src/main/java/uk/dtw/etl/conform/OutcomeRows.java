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
import uk.dtw.etl.extract.CsvExtract;
import uk.dtw.etl.extract.ExtractKind;
import uk.dtw.etl.extract.LandingFile;
import uk.dtw.etl.spark.SparkTypes;
import uk.dtw.warehouse.schema.Column;

/**
 * Runs on executors: reads each extract file of one kind and emits one outcome row per figure,
 * per held-back rule, or per skipped row, each carrying its file, row and the row as read.
 *
 * <p>Every data row yields at least one outcome with {@code first_of_row} set, so bronze gets
 * every row exactly once and the load report can count read = loaded + quarantined + skipped.
 */
public final class OutcomeRows implements FlatMapFunction<Row, Row> {
  public static final String LOADED = "loaded";
  public static final String QUARANTINED = "quarantined";
  public static final String SKIPPED = "skipped";

  private final ExtractKind kind;
  private final Map<String, LandingFile> filesByUri;
  private final String loadId;

  public OutcomeRows(ExtractKind kind, Map<String, LandingFile> filesByUri, String loadId) {
    this.kind = kind;
    this.filesByUri = Map.copyOf(filesByUri);
    this.loadId = loadId;
  }

  /** The working shape: status and bookkeeping, then the fact table's columns (all nullable). */
  public static StructType schema(ExtractKind kind) {
    List<StructField> fields = new ArrayList<>(List.of(
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
    LandingFile file = filesByUri.get(binaryFile.<String>getAs("path"));
    if (file == null) {
      throw new IllegalStateException("file was not in the landing listing: " + binaryFile.getAs("path"));
    }
    CsvExtract.Parsed parsed = CsvExtract.parse(binaryFile.getAs("content"));
    Conformer conformer = Conformer.forKind(kind);
    List<String> missing = conformer.requiredColumns().stream().filter(c -> !parsed.headers().contains(c)).toList();
    List<RowResult> results = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    for (CsvExtract.ParsedRow row : parsed.rows()) {
      RowResult result = new RowResult();
      if (row.parseError() != null) {
        result.problem(null, "csv_syntax", row.parseError());
      } else if (!missing.isEmpty()) {
        result.problem(String.join(",", missing), "required_columns", "the file has no column "
            + String.join(", ", missing) + "; a " + kind.code() + " extract needs " + String.join(", ", conformer.requiredColumns()));
      } else {
        result = conformer.conform(row.cells());
      }
      results.add(result);
      rowNumbers.add(row.row());
    }
    conformer.checkFile(rowNumbers, results);
    DuplicateKeys.check(kind.factTable(), rowNumbers, results);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      emit(out, file, parsed.rows().get(i), results.get(i));
    }
    return out.iterator();
  }

  private void emit(List<Row> out, LandingFile file, CsvExtract.ParsedRow row, RowResult result) {
    boolean first = true;
    if (result.quarantined()) {
      for (Problem p : result.problems()) {
        out.add(row(file, row, QUARANTINED, first, p.column(), p.rule(), p.message(), Map.of()));
        first = false;
      }
    } else if (result.skipReason() != null) {
      out.add(row(file, row, SKIPPED, true, null, "skipped", result.skipReason(), Map.of()));
    } else {
      for (Map<String, Object> figure : result.figures()) {
        out.add(row(file, row, LOADED, first, null, null, null, figure));
        first = false;
      }
    }
  }

  private Row row(LandingFile file, CsvExtract.ParsedRow row, String status, boolean first,
      String column, String rule, String message, Map<String, Object> figure) {
    List<Object> values = new ArrayList<>(List.of(status, first, file.order(), kind.code(), file.sha256(), row.recordJson()));
    values.add(column);
    values.add(rule);
    values.add(message);
    for (Column c : kind.factTable().columns()) {
      values.add(switch (c.name()) {
        case "load_id" -> loadId;
        case "source_file" -> file.relativePath();
        case "source_row" -> row.row();
        default -> figure.get(c.name());
      });
    }
    kind.carriedColumns().forEach(c -> values.add(figure.get(c.name())));
    return RowFactory.create(values.toArray());
  }
}
