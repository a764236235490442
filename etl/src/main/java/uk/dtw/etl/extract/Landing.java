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
 * Lists a landing folder (local or any Hadoop file system) with each file's content hash. Only
 * names, sizes and hashes reach the driver; the bytes are hashed where they are read.
 */
public final class Landing {
  private Landing() {}

  /**
   * SHA-256 of no bytes: Spark's file scans skip empty files, so their hash is known here instead.
   */
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /**
   * A file in the landing folder, or one sheet of a workbook in it ({@code sheet} set, path and
   * hash suffixed {@code #sheet} so each sheet is an extract of its own); {@code kind} is null for
   * a file that is not an extract.
   */
  public record Entry(
      String uri, String relativePath, String sha256, ExtractKind kind, String sheet) {
    public boolean empty() {
      return EMPTY_SHA256.equals(sha256);
    }
  }

  public static List<Entry> list(SparkSession spark, String landing) {
    Path root = new Path(landing);
    String rootUri;
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException(
            "landing folder " + landing + " does not exist or is not a folder");
      }
      rootUri = fs.makeQualified(root).toUri().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read landing folder " + landing, e);
    }
    // Compare paths, not URI strings: Spark may write file:/x where Hadoop wrote file:///x.
    String rootPath = new Path(rootUri).toUri().getPath();
    String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    List<Row> rows =
        spark
            .read()
            .format("binaryFile")
            .option("recursiveFileLookup", "true")
            .load(rootUri)
            .select(col("path"), sha2(col("content"), 256).as("sha256"))
            .collectAsList();
    List<Entry> entries = new ArrayList<>();
    java.util.Set<String> hashed = new java.util.HashSet<>();
    for (Row r : rows) {
      hashed.add(new Path(r.getString(0)).toUri().getPath());
      entries.add(entry(r.getString(0), prefix, r.getString(1)));
    }
    // An empty file never reaches the scan above, yet it must be listed: nothing disappears
    // unreported.
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      var files = fs.listFiles(new Path(rootUri), true);
      while (files.hasNext()) {
        var status = files.next();
        String path = status.getPath().toUri().getPath();
        if (status.getLen() == 0 && !hashed.contains(path)) {
          entries.add(entry(status.getPath().toString(), prefix, EMPTY_SHA256));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing folder " + landing, e);
    }
    entries.sort(Comparator.comparing(Entry::relativePath));
    return sheetsOfWorkbooks(entries, spark.sparkContext().hadoopConfiguration());
  }

  /**
   * Each workbook becomes one entry per sheet; the kind comes from the sheet's name, else from the
   * workbook's. Only sheet names are read here on the driver; the cells are read by the job.
   */
  private static List<Entry> sheetsOfWorkbooks(
      List<Entry> entries, org.apache.hadoop.conf.Configuration conf) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (!Workbooks.isWorkbook(e.relativePath()) || e.empty()) {
        out.add(e);
        continue;
      }
      String name = e.relativePath().substring(e.relativePath().lastIndexOf('/') + 1);
      ExtractKind ofWorkbook = ExtractKind.ofName(name).orElse(null);
      try (var in = new Path(e.uri()).getFileSystem(conf).open(new Path(e.uri()))) {
        for (String sheet : Workbooks.sheetNames(in.readAllBytes())) {
          ExtractKind kind = ExtractKind.ofName(sheet).orElse(ofWorkbook);
          out.add(
              new Entry(
                  e.uri(), e.relativePath() + "#" + sheet, e.sha256() + "#" + sheet, kind, sheet));
        }
      } catch (IOException | RuntimeException ex) {
        // An unreadable workbook is listed as one extract whose reading fails: held back, not lost.
        out.add(new Entry(e.uri(), e.relativePath(), e.sha256(), ofWorkbook, ""));
      }
    }
    return out;
  }

  private static Entry entry(String uri, String prefix, String sha256) {
    String path = new Path(uri).toUri().getPath();
    String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : uri;
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    return new Entry(uri, relative, sha256, ExtractKind.ofFileName(name).orElse(null), null);
  }
}
