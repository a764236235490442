package uk.dtw.etl.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import uk.dtw.model.schema.StarSchema;
import uk.dtw.model.schema.TableDef;

/**
 * The views model shares with the read side ({@code views/views.list} in model's jar), run in Spark
 * SQL: the same text Calcite and DuckDB run, so a measure is defined once.
 */
final class SharedViews {
  private static final String LIST = "views/views.list";

  private SharedViews() {}

  /** The shared views in the list's order, which puts every view after the views it reads. */
  static List<String> names() {
    return Arrays.stream(resource(LIST).split("\\R"))
        .map(line -> line.replaceFirst("#.*", "").strip())
        .filter(name -> !name.isEmpty())
        .toList();
  }

  static String sql(String view) {
    return resource("views/" + view + ".sql");
  }

  /**
   * Registers every shared view as a Spark temporary view, after the warehouse tables they read (as
   * {@code tables} now hold them); Spark analyses a view when it is made, so order matters.
   */
  static void register(SparkSession spark, DeltaTables tables) {
    register(spark, tables::read);
  }

  /**
   * As {@link #register(SparkSession, DeltaTables)}, each table's rows as {@code read} gives them.
   */
  static void register(
      SparkSession spark,
      java.util.function.Function<TableDef, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>>
          read) {
    List<String> views = names();
    String text =
        views.stream()
            .map(view -> sql(view).replaceAll("--[^\\n]*", ""))
            .reduce("", String::concat);
    for (TableDef table : StarSchema.TABLES) {
      if (Pattern.compile("\\b" + table.name() + "\\b").matcher(text).find()) {
        read.apply(table).createOrReplaceTempView(table.name());
      }
    }
    for (String view : views) {
      spark.sql(sql(view)).createOrReplaceTempView(view);
    }
  }

  static String resource(String name) {
    try (InputStream in = SharedViews.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
