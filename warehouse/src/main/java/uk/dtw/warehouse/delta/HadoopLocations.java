package uk.dtw.warehouse.delta;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Warehouse locations as the load writes them: a local path or any Hadoop file system URI ({@code
 * s3a://bucket/warehouse}, {@code hdfs://...}), read with the same Hadoop settings the load uses:
 * {@code core-site.xml} on the classpath ({@code bin/dwh} puts {@code $HADOOP_CONF_DIR} there) and
 * every {@code -Dspark.hadoop.NAME=VALUE} property as {@code NAME=VALUE}, the spelling Spark reads.
 */
public final class HadoopLocations {
  private static final String SPARK_PREFIX = "spark.hadoop.";

  private HadoopLocations() {}

  /** The Hadoop configuration of this JVM's reads, built from the settings above. */
  public static Configuration configuration() {
    Configuration conf = new Configuration();
    for (Map.Entry<Object, Object> p : System.getProperties().entrySet()) {
      String name = p.getKey().toString();
      if (name.startsWith(SPARK_PREFIX)) {
        conf.set(name.substring(SPARK_PREFIX.length()), p.getValue().toString());
      }
    }
    return conf;
  }

  /**
   * A location with a scheme as given; a local path made absolute and normalised (what it always
   * was), so the same folder is one string however it was named.
   */
  public static String normalise(String location) {
    if (hasScheme(location)) {
      return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }
    return Path.of(location).toAbsolutePath().normalize().toString();
  }

  /** {@code relative} (a table's folder such as {@code gold/fact_x}) below {@code root}. */
  public static String resolve(String root, String relative) {
    String base = normalise(root);
    return hasScheme(base) ? base + "/" + relative : Path.of(base).resolve(relative).toString();
  }

  /** Whether the location is a folder (false when it is missing or a file). */
  public static boolean isFolder(String location, Configuration conf) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(normalise(location));
    try {
      return path.getFileSystem(conf).getFileStatus(path).isDirectory();
    } catch (FileNotFoundException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  private static boolean hasScheme(String location) {
    // Two letters at least: a Windows drive (C:\) is a path, not a scheme.
    int colon = location.indexOf(':');
    return colon > 1
        && location.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
        && URI.create(location.replace(" ", "%20")).getScheme() != null;
  }
}
