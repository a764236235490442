package uk.dtw.etl.spark;

import org.apache.spark.sql.SparkSession;

/** Builds the one SparkSession a job (or a test JVM) uses, with Delta Lake switched on. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session on the given master ({@code local[*]}, {@code spark://host:7077}, ...). On a cluster
   * the executors get this JVM's classpath (see {@link ClusterExecutors}) and the session is only
   * returned once one of them has started.
   */
  public static SparkSession create(String master) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("dtw-etl")
            .master(master)
            .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
            .config(
                "spark.sql.catalog.spark_catalog",
                "org.apache.spark.sql.delta.catalog.DeltaCatalog")
            .config("spark.ui.enabled", "false")
            // Extracts are small: a handful of partitions beats the default 200 on every shuffle;
            // a cluster with many cores raises it with -Dspark.sql.shuffle.partitions=N.
            .config(
                "spark.sql.shuffle.partitions",
                System.getProperty("spark.sql.shuffle.partitions", "4"))
            .config("spark.databricks.delta.snapshotPartitions", "2")
            // The load caches what it conformed once and reads it for every table it writes; the
            // cache's dictionary compression took two fifths of reading episodes, to save memory
            // the cache has (it is dropped before the aggregates cache the episodes).
            .config("spark.sql.inMemoryColumnarStorage.compressed", "false")
            // Local files get their permissions and link status without forking chmod and readlink,
            // through either of Hadoop's APIs (see LocalFiles and LocalFilesContext).
            .config("spark.hadoop.fs.file.impl", LocalFiles.class.getName())
            .config(
                "spark.hadoop.fs.AbstractFileSystem.file.impl", LocalFilesContext.class.getName())
            // Spark lists many explicit paths (a national landing's 1,500 episode files) in a job
            // of one task per path by default: 1,500 tasks, seconds of scheduling for a listing.
            .config(
                "spark.sql.sources.parallelPartitionDiscovery.parallelism",
                System.getProperty("spark.sql.sources.parallelPartitionDiscovery.parallelism", "8"))
            // Keep the timestamps we write in UTC whatever the machine's zone.
            .config("spark.sql.session.timeZone", "UTC");
    boolean cluster = ClusterExecutors.isCluster(master);
    if (cluster) {
      ClusterExecutors.configure(builder);
    }
    SparkSession spark = builder.getOrCreate();
    if (cluster) {
      ClusterExecutors.awaitFirst(spark, master);
    }
    return spark;
  }
}
