package uk.dtw.etl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import uk.dtw.etl.spark.SparkSessions;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;

/**
 * The Spark SQL column of the query benchmark: the queries of bench/queries.sql over the Delta
 * tables of a warehouse, through the product's own views (model's and warehouse's SQL, run as Spark
 * temporary views), cold and warm. Views Spark cannot parse are reported, not rewritten.
 *
 * <p>Usage, from the repository's root: {@code SparkSqlBenchmark WAREHOUSE [RUNS]}; run it through
 * bench/query-bench.sh.
 */
public final class SparkSqlBenchmark {
  private static final List<Path> VIEW_FOLDERS =
      List.of(
          Path.of("model/src/main/resources/views"), Path.of("warehouse/src/main/resources/views"));

  public static void main(String[] args) throws IOException {
    String warehouse = args[0];
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    SparkSession spark = SparkSessions.create("local[*]");
    // The views quote reserved names the standard way ("method"), as Calcite and DuckDB read them.
    spark.conf().set("spark.sql.ansi.doubleQuotedIdentifiers", "true");
    for (TableDef table : StarSchema.TABLES) {
      Path folder = Path.of(warehouse).resolve(table.relativePath());
      if (Files.isDirectory(folder.resolve("_delta_log"))) {
        spark.read().format("delta").load(folder.toString()).createOrReplaceTempView(table.name());
      }
    }
    Map<String, String> failed = registerViews(spark);
    failed.forEach((view, why) -> System.out.println("view " + view + " not in Spark SQL: " + why));
    System.out.printf(
        "%-44s %12s %12s%n", "query (Spark SQL, ms)", "cold", "warm (median of " + runs + ")");
    Matcher m =
        Pattern.compile("(?m)^-- (.+) \\[(.+)\\]\\n([^;]+);")
            .matcher(Files.readString(Path.of("bench/queries.sql")));
    while (m.find()) {
      String sql = m.group(3).replace("?", "'" + m.group(2) + "'");
      try {
        long t = System.nanoTime();
        long rows = spark.sql(sql).collectAsList().size();
        double cold = (System.nanoTime() - t) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          t = System.nanoTime();
          spark.sql(sql).collectAsList();
          warm.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(warm);
        System.out.printf(
            "%-44s %12.0f %12.0f   (%d rows)%n", m.group(1), cold, warm.get(runs / 2), rows);
      } catch (Exception e) { // AnalysisException is checked in Scala's eyes only
        System.out.printf("%-44s %s%n", m.group(1), "failed: " + firstLine(e));
      }
    }
    spark.stop();
  }

  /**
   * Registers every view of the lists, each after the views it reads: a view that fails because
   * another is not there yet is tried again once that one is; the rest are reported.
   */
  private static Map<String, String> registerViews(SparkSession spark) throws IOException {
    Map<String, String> pending = new LinkedHashMap<>();
    for (Path folder : VIEW_FOLDERS) {
      for (String line : Files.readAllLines(folder.resolve("views.list"))) {
        String name = line.replaceFirst("#.*", "").strip();
        if (!name.isEmpty()) {
          pending.put(name, Files.readString(folder.resolve(name + ".sql")));
        }
      }
    }
    Map<String, String> failed = new LinkedHashMap<>();
    boolean progress = true;
    while (progress && !pending.isEmpty()) {
      progress = false;
      failed.clear();
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var view = it.next();
        try {
          spark.sql(view.getValue()).createOrReplaceTempView(view.getKey());
          it.remove();
          progress = true;
        } catch (Exception e) {
          failed.put(view.getKey(), firstLine(e));
        }
      }
    }
    return failed;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    return message
        .lines()
        .filter(l -> !l.isBlank())
        .limit(2)
        .reduce((a, b) -> a + " " + b)
        .orElse(message);
  }
}
