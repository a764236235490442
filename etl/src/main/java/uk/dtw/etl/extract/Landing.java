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
 * names, sizes and hashes reach the driver; the bytes of small files are hashed where they are
 * read, a large file's are streamed through the driver's digest (never held).
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
   * a file that is not an extract; {@code bytes} is the file's size (a workbook's, for each of its
   * sheets).
   */
  public record Entry(
      String uri, String relativePath, String sha256, ExtractKind kind, String sheet, long bytes) {
    public boolean empty() {
      return EMPTY_SHA256.equals(sha256);
    }
  }

  /** Files larger than this (default 256 MiB) are hashed by streaming them on the driver. */
  public static final String HASH_ON_DRIVER_ABOVE_BYTES =
      "spark.dtw.landing.hashOnDriverAboveBytes";

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
    // Spark's binaryFile source hashes small files where they are read; it holds a file in one
    // array (at most 2 GiB), so a large file is hashed here instead, streamed, never held.
    long hashOnDriverAbove =
        Long.parseLong(spark.conf().get(HASH_ON_DRIVER_ABOVE_BYTES, String.valueOf(256L << 20)));
    List<String> small = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      var files = fs.listFiles(new Path(rootUri), true);
      while (files.hasNext()) {
        var status = files.next();
        String uri = status.getPath().toString();
        String name = status.getPath().getName();
        if (status.getLen() > 0 && (name.startsWith(".") || name.startsWith("_"))) {
          continue; // hidden files and markers, which Spark's own listing leaves out too
        }
        if (status.getLen() == 0) {
          // Spark's scans skip empty files, yet each must be listed: nothing disappears unreported.
          entries.add(entry(uri, prefix, EMPTY_SHA256, 0));
        } else if (status.getLen() > hashOnDriverAbove) {
          entries.add(entry(uri, prefix, sha256(fs, status.getPath()), status.getLen()));
        } else {
          small.add(uri);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing folder " + landing, e);
    }
    if (!small.isEmpty()) {
      for (Row r :
          spark
              .read()
              .format("binaryFile")
              .load(small.toArray(String[]::new))
              .select(col("path"), sha2(col("content"), 256).as("sha256"), col("length"))
              .collectAsList()) {
        entries.add(entry(r.getString(0), prefix, r.getString(1), r.getLong(2)));
      }
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
                  e.uri(),
                  e.relativePath() + "#" + sheet,
                  e.sha256() + "#" + sheet,
                  kind,
                  sheet,
                  e.bytes()));
        }
      } catch (IOException | RuntimeException ex) {
        // An unreadable workbook is listed as one extract whose reading fails: held back, not lost.
        out.add(new Entry(e.uri(), e.relativePath(), e.sha256(), ofWorkbook, "", e.bytes()));
      }
    }
    return out;
  }

  private static String sha256(FileSystem fs, Path path) throws IOException {
    try (var in = fs.open(path)) {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 20];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Entry entry(String uri, String prefix, String sha256, long bytes) {
    String path = new Path(uri).toUri().getPath();
    String relative = path.startsWith(prefix) ? path.substring(prefix.length()) : uri;
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    return new Entry(uri, relative, sha256, ExtractKind.ofFileName(name).orElse(null), null, bytes);
  }
}
