package uk.dtw.etl.support;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import uk.dtw.etl.load.LoadJob;
import uk.dtw.etl.report.LoadReport;
import uk.dtw.model.schema.TableDef;

/**
 * A throwaway landing folder and warehouse for one test class, with helpers to load and read them.
 */
public final class Warehouses {
  public final Path landing;
  public final Path warehouse;
  private final SparkSession spark = SparkTestSession.get();

  public Warehouses(Path dir) {
    this.landing = dir.resolve("landing");
    this.warehouse = dir.resolve("warehouse");
    try {
      Files.createDirectories(landing);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The bundled sample extracts (data/sample), as the demo loads them. */
  public static Path sample() {
    return Path.of(System.getProperty("dtw.sample", "../data/sample")).toAbsolutePath().normalize();
  }

  /** Removes a folder and everything in it, if it is there. */
  public static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path write(String relativePath, String... lines) {
    try {
      Path file = landing.resolve(relativePath);
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public LoadReport load() {
    return load(landing);
  }

  public LoadReport load(Path from) {
    return new LoadJob(spark, warehouse.toString()).run(from.toString());
  }

  public Dataset<Row> table(TableDef table) {
    return spark.read().format("delta").load(warehouse.resolve(table.relativePath()).toString());
  }

  public Dataset<Row> tableAsOf(TableDef table, long version) {
    return spark
        .read()
        .format("delta")
        .option("versionAsOf", version)
        .load(warehouse.resolve(table.relativePath()).toString());
  }

  /** The one figure a fact table holds for a key given as column=value pairs. */
  public Double figure(TableDef fact, Object... keyValues) {
    Dataset<Row> rows = table(fact);
    for (int i = 0; i < keyValues.length; i += 2) {
      rows = rows.filter(col((String) keyValues[i]).equalTo(keyValues[i + 1]));
    }
    List<Row> found = rows.select("figure").collectAsList();
    if (found.size() > 1) {
      throw new AssertionError("more than one figure for " + List.of(keyValues));
    }
    return found.isEmpty() ? null : found.get(0).getDouble(0);
  }
}
