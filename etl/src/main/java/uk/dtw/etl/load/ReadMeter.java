package uk.dtw.etl.load;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;
import uk.dtw.etl.conform.ReadCounters;
import uk.dtw.etl.extract.ExtractKind;

/**
 * How far a load has got reading its new files, for a progress display: files and rows read, bytes
 * of the landing files read, and time spent reading. The totals are known when the load has planned
 * (the new files and their sizes); the rest comes from Spark as tasks end.
 *
 * <p>Only the jobs a load marks as reading one kind's files are counted: LoadJob sets {@link #KIND}
 * on the thread around the first action over that kind's outcomes (the one that reads the files and
 * fills the cache), and every later action reads the cache, not the files. Of those jobs' tasks,
 * only the ones that counted rows or files read the files; the others read the cache the first job
 * filled (Spark counts cached blocks as input bytes too) or shuffled counts. A plan may read the
 * files more than once ({@link LoadJob#scans}; record-level files are read once into a cache that
 * finds keys given twice and loads the rows): bytes are divided by the number of scans in the plan,
 * so they stay the landing's bytes. Rows and files are counted on the executors per stage, and a
 * kind's count is its largest stage's: every scan sees every row. When a kind's files are all read,
 * the report's exact counts replace the running ones.
 *
 * <p>Listener callbacks run on Spark's listener thread and do a map lookup and a few additions; the
 * executors add one to an accumulator per row. Nothing here waits or blocks the load.
 */
public final class ReadMeter extends SparkListener {
  /** The local property naming the kind whose files the current job reads. */
  static final String KIND = "dtw.load.reading";

  /** What a display shows: totals from the plan, counts so far, time spent reading. */
  public record Counts(
      boolean planned,
      int files,
      int filesRead,
      long rows,
      long bytes,
      long bytesRead,
      long readingMillis,
      boolean readingNow) {}

  private static final class Kind {
    final int files;
    final long bytes;
    int scans = 1;
    long scannedBytes;
    final Map<Integer, long[]> rowsAndFilesByStage = new HashMap<>();
    boolean done;
    long exactRows;

    Kind(int files, long bytes) {
      this.files = files;
      this.bytes = bytes;
    }
  }

  private final SparkContext sc;
  private final ReadCounters counters;
  private final Map<String, Kind> kinds = new LinkedHashMap<>();
  private final Map<Integer, Kind> kindOfStage = new HashMap<>();
  private boolean planned;
  private long readingMillis;
  private long readingSince = -1;

  private ReadMeter(SparkContext sc) {
    this.sc = sc;
    this.counters =
        sc == null
            ? null
            : new ReadCounters(
                sc.longAccumulator("dtw rows read"), sc.longAccumulator("dtw files read"));
  }

  /** A meter listening to this session's jobs until {@link #close}d. */
  public static ReadMeter start(SparkSession spark) {
    ReadMeter meter = new ReadMeter(spark.sparkContext());
    spark.sparkContext().addSparkListener(meter);
    return meter;
  }

  /** A meter that counts nothing (no listener, no accumulators). */
  public static ReadMeter off() {
    return new ReadMeter(null);
  }

  public void close() {
    if (sc != null) {
      sc.removeSparkListener(this);
    }
  }

  /** What the executors count into; null when off. */
  ReadCounters counters() {
    return counters;
  }

  /** The new files of one kind and their bytes (each file once), as planned. */
  synchronized void planned(ExtractKind kind, int files, long bytes) {
    kinds.put(kind.code(), new Kind(files, bytes));
  }

  /** Planning is over: the totals are final (none, if nothing was new). */
  synchronized void plannedAll() {
    planned = true;
  }

  /**
   * The jobs this thread starts from now until {@link #read} read {@code kind}'s files, scanning
   * them {@code scans} times.
   */
  void reading(ExtractKind kind, int scans) {
    if (sc == null) {
      return;
    }
    synchronized (this) {
      kinds.get(kind.code()).scans = Math.max(1, scans);
      readingSince = System.nanoTime();
    }
    sc.setLocalProperty(KIND, kind.code());
  }

  /** {@code kind}'s files are read: {@code rows} is the report's exact count. */
  void read(ExtractKind kind, long rows) {
    if (sc == null) {
      return;
    }
    sc.setLocalProperty(KIND, null);
    synchronized (this) {
      Kind k = kinds.get(kind.code());
      k.done = true;
      k.exactRows = rows;
      if (readingSince >= 0) {
        readingMillis += (System.nanoTime() - readingSince) / 1_000_000;
        readingSince = -1;
      }
    }
  }

  public synchronized Counts counts() {
    int files = 0;
    int filesRead = 0;
    long rows = 0;
    long bytes = 0;
    long bytesRead = 0;
    for (Kind k : kinds.values()) {
      files += k.files;
      bytes += k.bytes;
      if (k.done) {
        filesRead += k.files;
        rows += k.exactRows;
        bytesRead += k.bytes;
      } else {
        long stageRows = 0;
        long stageFiles = 0;
        for (long[] s : k.rowsAndFilesByStage.values()) {
          stageRows = Math.max(stageRows, s[0]);
          stageFiles = Math.max(stageFiles, s[1]);
        }
        rows += stageRows;
        filesRead += (int) Math.min(k.files, stageFiles);
        bytesRead += Math.min(k.bytes, k.scannedBytes / k.scans);
      }
    }
    long reading =
        readingMillis + (readingSince >= 0 ? (System.nanoTime() - readingSince) / 1_000_000 : 0);
    return new Counts(
        planned, files, filesRead, rows, bytes, bytesRead, reading, readingSince >= 0);
  }

  /** The bytes the jobs marked for {@code kind} read, over all their scans (for tests). */
  synchronized long scannedBytes(ExtractKind kind) {
    return kinds.get(kind.code()).scannedBytes;
  }

  @Override
  public void onJobStart(SparkListenerJobStart job) {
    String kind = job.properties() == null ? null : job.properties().getProperty(KIND);
    if (kind == null) {
      return;
    }
    synchronized (this) {
      Kind k = kinds.get(kind);
      if (k != null) {
        for (Object stage : CollectionConverters.asJava(job.stageIds())) {
          kindOfStage.put((Integer) stage, k);
        }
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd task) {
    Kind k;
    synchronized (this) {
      k = kindOfStage.get(task.stageId());
    }
    if (k == null || !task.taskInfo().successful() || task.taskMetrics() == null) {
      return;
    }
    long rows = 0;
    long files = 0;
    for (AccumulableInfo a : CollectionConverters.asJava(task.taskInfo().accumulables())) {
      if (a.update().isDefined()) {
        if (a.id() == counters.rows().id()) {
          rows += ((Number) a.update().get()).longValue();
        } else if (a.id() == counters.files().id()) {
          files += ((Number) a.update().get()).longValue();
        }
      }
    }
    // Only a task that read rows or files read the files: the marked job's other tasks read the
    // cache it filled (their input bytes are cached blocks) or shuffled counts.
    long bytes = rows > 0 || files > 0 ? task.taskMetrics().inputMetrics().bytesRead() : 0;
    synchronized (this) {
      k.scannedBytes += bytes;
      long[] stage = k.rowsAndFilesByStage.computeIfAbsent(task.stageId(), s -> new long[2]);
      stage[0] += rows;
      stage[1] += files;
    }
  }
}
