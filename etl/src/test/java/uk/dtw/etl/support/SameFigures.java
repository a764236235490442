package uk.dtw.etl.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import uk.dtw.model.schema.ColumnType;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;

/**
 * Two warehouses loaded from the same files compared table by table, every row and column except
 * what names the load itself (its id and its clock): what must not depend on where a load ran.
 */
public final class SameFigures {
  private static final String SIDE = "_side";

  private final SparkSession spark = SparkTestSession.get();

  /**
   * Per table, the rows one warehouse holds and the other does not (both ways), as counts; an empty
   * map when the two agree everywhere.
   */
  public Map<String, String> differences(Path expected, Path actual) {
    Map<String, String> differences = new LinkedHashMap<>();
    for (TableDef table : StarSchema.TABLES) {
      boolean inExpected = isTable(expected, table);
      if (inExpected != isTable(actual, table)) {
        differences.put(table.name(), "a table in one warehouse only");
        continue;
      }
      if (!inExpected) {
        continue;
      }
      // Each row counted +1 on one side and -1 on the other: a group left non-zero is a row one
      // warehouse holds more often than the other. One shuffle a table, duplicates included.
      Dataset<Row> both =
          comparable(expected, table)
              .withColumn(SIDE, functions.lit(1))
              .unionByName(comparable(actual, table).withColumn(SIDE, functions.lit(-1)));
      Column[] columns =
          Arrays.stream(both.columns())
              .filter(c -> !c.equals(SIDE))
              .map(functions::col)
              .toArray(Column[]::new);
      long unmatched =
          both.groupBy(columns)
              .agg(functions.sum(SIDE).as(SIDE))
              .filter(functions.col(SIDE).notEqual(0))
              .count();
      if (unmatched > 0) {
        differences.put(table.name(), unmatched + " rows held a different number of times");
      }
    }
    return differences;
  }

  /** Rows of a table, for a test to be sure the comparison was not between two empty tables. */
  public long rows(Path warehouse, TableDef table) {
    return read(warehouse, table).count();
  }

  private Dataset<Row> comparable(Path warehouse, TableDef table) {
    Column[] columns =
        table.columns().stream()
            .filter(c -> c.type() != ColumnType.TIMESTAMP && !c.name().equals("load_id"))
            .map(c -> functions.col(c.name()))
            .toArray(Column[]::new);
    return read(warehouse, table).select(columns);
  }

  private Dataset<Row> read(Path warehouse, TableDef table) {
    return spark.read().format("delta").load(warehouse.resolve(table.relativePath()).toString());
  }

  private static boolean isTable(Path warehouse, TableDef table) {
    return Files.isDirectory(warehouse.resolve(table.relativePath()).resolve("_delta_log"));
  }
}
