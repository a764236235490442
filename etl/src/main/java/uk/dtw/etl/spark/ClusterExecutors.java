package uk.dtw.etl.spark;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * What a job on a real cluster needs that {@code local[*]} does not: executors started with the
 * driver's own classpath, and a clear failure when none of them starts (an executor without our
 * classes exits at once and the master launches another, thousands in minutes, while the driver
 * waits forever).
 */
public final class ClusterExecutors {
  /** How long the driver waits for its first executor (default 120 s). */
  public static final String WAIT_SECONDS = "spark.dtw.executorWaitSeconds";

  private static final String CLASSPATH = "spark.executor.extraClassPath";

  private ClusterExecutors() {}

  /** A master that is not this JVM: {@code spark://}, {@code yarn}, {@code k8s://}... */
  public static boolean isCluster(String master) {
    return !master.startsWith("local");
  }

  /**
   * Gives executors the driver's classpath, every entry made absolute (an executor runs in its
   * worker's work folder), unless {@value #CLASSPATH} was set (a {@code -Dspark.} property or
   * {@code DTW_EXECUTOR_CLASSPATH}): the worker must see the jars at the same paths, as on one
   * machine, an image built alike or a shared mount.
   */
  static void configure(SparkSession.Builder builder) {
    String given = System.getenv("DTW_EXECUTOR_CLASSPATH");
    if (given != null && !given.isBlank()) {
      builder.config(CLASSPATH, given);
    } else if (System.getProperty(CLASSPATH) == null) {
      builder.config(CLASSPATH, absolute(System.getProperty("java.class.path")));
    }
  }

  static String absolute(String classpath) {
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(entry -> !entry.isBlank())
        .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * Returns once an executor has registered; stops the session and fails with what to check if none
   * has within {@value #WAIT_SECONDS}.
   */
  static void awaitFirst(SparkSession spark, String master) {
    long seconds = Long.parseLong(spark.conf().get(WAIT_SECONDS, "120"));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(seconds));
    // The status tracker lists the driver too: more than one entry means an executor is up.
    while (spark.sparkContext().statusTracker().getExecutorInfos().length < 2) {
      if (Instant.now().isAfter(deadline)) {
        spark.stop();
        throw new IllegalStateException(
            "no Spark executor started on "
                + master
                + " within "
                + seconds
                + " s: check that the workers are alive and have the cores and memory asked for"
                + " (spark.executor.memory, spark.executor.cores), that every worker can read the"
                + " driver's classpath at the same paths (or set DTW_EXECUTOR_CLASSPATH), and that"
                + " the workers can reach this driver (set SPARK_LOCAL_IP to an address they can"
                + " connect to); the executors' stderr is in each worker's work folder");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        spark.stop();
        throw new IllegalStateException("interrupted while waiting for executors", e);
      }
    }
  }
}
