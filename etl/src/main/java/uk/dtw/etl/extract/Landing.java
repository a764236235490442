package uk.dtw.etl.extract;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sha2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Lists a landing folder (local or any Hadoop file system) with each file's content hash.
 * Only names, sizes and hashes reach the driver; the bytes are hashed where they are read.
 */
public final class Landing {
  private Landing() {}

  /** A file in the landing folder; {@code kind} is null for a file that is not an extract. */
  public record Entry(String uri, String relativePath, String sha256, ExtractKind kind) {}

  public static List<Entry> list(SparkSession spark, String landing) {
    Path root = new Path(landing);
    String rootUri;
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException("landing folder " + landing + " does not exist or is not a folder");
      }
      rootUri = fs.makeQualified(root).toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read landing folder " + landing, e);
    }
    // Compare paths, not URI strings: Spark may write file:/x where Hadoop wrote file:///x.
    String rootPath = new Path(rootUri).toUri().getPath();
    String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    List<Row> rows = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(rootUri)
        .select(col("path"), sha2(col("content"), 256).as("sha256"))
        .collectAsList();
    List<Entry> entries = new ArrayList<>();
    for (Row r : rows) {
      String uri = r.getString(0);
      String path = new Path(uri).toUri().getPath();
      String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : uri;
      String name = relative.substring(relative.lastIndexOf('/') + 1);
      entries.add(new Entry(uri, relative, r.getString(1), ExtractKind.ofFileName(name).orElse(null)));
    }
    entries.sort(Comparator.comparing(Entry::relativePath));
    return entries;
  }
}
