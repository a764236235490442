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
    register(spark, read, names());
  }

  /**
   * Registers {@code wanted} and the views they read, and only the tables those read: each table
   * read is a Delta snapshot, which a load that needs a few views should not pay for every view.
   */
  static void register(
      SparkSession spark,
      java.util.function.Function<TableDef, org.apache.spark.sql.Dataset<org.apache.spark.sql.Row>>
          read,
      List<String> wanted) {
    List<String> views = withWhatTheyRead(wanted);
    String text = views.stream().map(SharedViews::text).reduce("", String::concat);
    for (TableDef table : StarSchema.TABLES) {
      if (mentions(text, table.name())) {
        read.apply(table).createOrReplaceTempView(table.name());
      }
    }
    for (String view : views) {
      spark.sql(sql(view)).createOrReplaceTempView(view);
    }
  }

  /** {@code wanted} and every view they read, directly or not, in the list's order. */
  static List<String> withWhatTheyRead(List<String> wanted) {
    List<String> all = names();
    java.util.Set<String> needed = new java.util.HashSet<>(wanted);
    // The list puts every view after those it reads: one pass from the end closes the set.
    for (int i = all.size() - 1; i >= 0; i--) {
      if (needed.contains(all.get(i))) {
        String text = text(all.get(i));
        all.subList(0, i).stream().filter(v -> mentions(text, v)).forEach(needed::add);
      }
    }
    return all.stream().filter(needed::contains).toList();
  }

  /** A view's SQL without its comments. */
  private static String text(String view) {
    return sql(view).replaceAll("--[^\\n]*", "");
  }

  private static boolean mentions(String text, String name) {
    return Pattern.compile("\\b" + name + "\\b").matcher(text).find();
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
