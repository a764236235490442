package uk.dtw.etl.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;

/**
 * Lists a landing folder (local or any Hadoop file system) with each file's content hash. Only
 * names, sizes and hashes reach the driver: the bytes are hashed in tasks, streamed, never held.
 */
public final class Landing {
  private Landing() {}

  /** SHA-256 of no bytes: an empty file's hash, known without reading it. */
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

  public static List<Entry> list(SparkSession spark, String landing) {
    Path root = new Path(landing);
    var conf = spark.sparkContext().hadoopConfiguration();
    String rootUri;
    List<Entry> entries = new ArrayList<>();
    Map<String, Long> toHash = new LinkedHashMap<>();
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException(
            "landing folder " + landing + " does not exist or is not a folder");
      }
      rootUri = fs.makeQualified(root).toUri().toString();
      walk(fs, new Path(rootUri), toHash);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing folder " + landing, e);
    }
    // Compare paths, not URI strings: Spark may write file:/x where Hadoop wrote file:///x.
    String rootPath = new Path(rootUri).toUri().getPath();
    String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    Map<String, String> hashes = sha256(spark, toHash);
    toHash.forEach((uri, bytes) -> entries.add(entry(uri, prefix, hashes.get(uri), bytes)));
    entries.sort(Comparator.comparing(Entry::relativePath));
    return sheetsOfWorkbooks(entries, conf);
  }

  /**
   * Every file under {@code folder}, by listing each folder: {@code listFiles} would build a
   * located status per file, whose permissions the local file system reads by running {@code ls
   * -ld} once per file (1,500 processes, seconds, for a national landing folder).
   */
  private static void walk(FileSystem fs, Path folder, Map<String, Long> bytesOfUri)
      throws IOException {
    for (FileStatus status : fs.listStatus(folder)) {
      String name = status.getPath().getName();
      if (status.isDirectory()) {
        walk(fs, status.getPath(), bytesOfUri);
      } else if (status.getLen() == 0 || !(name.startsWith(".") || name.startsWith("_"))) {
        // Hidden files and markers are left out, as Spark's own listing leaves them out; an empty
        // one is listed, so that nothing disappears unreported.
        bytesOfUri.put(status.getPath().toString(), status.getLen());
      }
    }
  }

  /**
   * Each file's SHA-256, computed in Spark tasks that stream its bytes (a file of any size, never
   * held): one small job over the paths, where a file scan would list them all again and weigh each
   * as a split. Empty files are known without reading them.
   */
  private static Map<String, String> sha256(SparkSession spark, Map<String, Long> bytesOfUri) {
    List<String> uris =
        bytesOfUri.entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(Map.Entry::getKey)
            .toList();
    Map<String, String> hashes = new HashMap<>();
    bytesOfUri.forEach((uri, bytes) -> hashes.put(uri, EMPTY_SHA256));
    if (uris.isEmpty()) {
      return hashes;
    }
    Map<String, String> conf = new HashMap<>();
    spark.sparkContext().hadoopConfiguration().forEach(e -> conf.put(e.getKey(), e.getValue()));
    int slices = Math.min(uris.size(), 4 * spark.sparkContext().defaultParallelism());
    JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(uris, slices)
        .mapPartitions(new Hashing(conf))
        .collect()
        .forEach(pair -> hashes.put(pair[0], pair[1]));
    return hashes;
  }

  /** A task's share of the files, each hashed as it streams past: {uri, sha256} pairs. */
  private record Hashing(Map<String, String> conf)
      implements FlatMapFunction<Iterator<String>, String[]> {
    @Override
    public Iterator<String[]> call(Iterator<String> uris) throws IOException {
      Configuration hadoop = new Configuration(false);
      conf.forEach(hadoop::set);
      List<String[]> out = new ArrayList<>();
      while (uris.hasNext()) {
        String uri = uris.next();
        Path path = new Path(uri);
        out.add(new String[] {uri, digest(path.getFileSystem(hadoop), path)});
      }
      return out.iterator();
    }
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

  private static String digest(FileSystem fs, Path path) throws IOException {
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
