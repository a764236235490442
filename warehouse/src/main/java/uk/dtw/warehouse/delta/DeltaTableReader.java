package uk.dtw.warehouse.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.ScanBuilder;
import io.delta.kernel.Snapshot;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.exceptions.KernelException;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.hadoop.conf.Configuration;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.WarehouseException;

/**
 * One Delta table folder pinned to one version: the only class that touches Delta Kernel's {@code
 * Engine}, {@code Snapshot} and {@code Scan}; everything else sees rows and a version.
 *
 * <p>A folder with no {@code _delta_log} (never written) reads as an empty table at version -1. The
 * Kernel snapshot is loaded on first use, so pinning a dozen tables costs nothing until read.
 */
public final class DeltaTableReader {

  // One engine per JVM: it wraps a Hadoop Configuration, which is slow to build and safe to share;
  // built from the same Hadoop settings the load writes with (see HadoopLocations).
  private static final Configuration CONF = HadoopLocations.configuration();
  private static final Engine ENGINE = DefaultEngine.create(CONF);

  /**
   * The threads that decode parquet files ahead of the scans that will read them, shared by every
   * scan in the JVM (so concurrent queries do not multiply them): one per core, at most four.
   */
  private static final ExecutorService READERS =
      Executors.newFixedThreadPool(
          Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
          r -> {
            Thread t = new Thread(r, "delta-file-reader");
            t.setDaemon(true);
            return t;
          });

  /** How many files one scan keeps queued beyond the one it reads. */
  static final int PREFETCH_FILES = 4;

  /** Files up to this size are decoded ahead, whole; larger ones are streamed as they are read. */
  static final long PREFETCH_MAX_BYTES = 8L << 20;

  private final String folder;
  private final Long pinnedVersion;
  private final boolean exists;
  private Snapshot snapshot;
  private final AtomicLong scans = new AtomicLong();
  private final AtomicLong filesRead = new AtomicLong();
  private final AtomicLong rowsRead = new AtomicLong();

  private DeltaTableReader(String folder, Long pinnedVersion, boolean exists) {
    this.folder = HadoopLocations.normalise(folder);
    this.pinnedVersion = pinnedVersion;
    this.exists = exists;
  }

  /** Opens the table in {@code folder} at {@code version}, or at its latest version when null. */
  public static DeltaTableReader open(Path folder, Long version) {
    return open(folder.toString(), version);
  }

  /**
   * Opens the table at {@code location} (a local path or any Hadoop URI) at {@code version}, or at
   * its latest version when null.
   */
  public static DeltaTableReader open(String location, Long version) {
    return new DeltaTableReader(
        location,
        version,
        HadoopLocations.isFolder(HadoopLocations.resolve(location, "_delta_log"), CONF));
  }

  /**
   * A table that reads as empty whatever the folder holds: one the warehouse version does not list.
   */
  public static DeltaTableReader empty(String folder) {
    return new DeltaTableReader(folder, null, false);
  }

  /**
   * Whether the folder holds a Delta table this reader reads (false for missing or unlisted
   * tables).
   */
  public boolean exists() {
    return exists;
  }

  /** The Delta version read, or -1 for an empty (missing or unlisted) table. */
  public long version() {
    return exists ? snapshot().getVersion() : -1L;
  }

  /**
   * The rows of the pinned version, each an {@code Object[]} in the column order of {@code def},
   * with the Java values Calcite's enumerable convention uses (see {@link BatchRows}); rows a
   * deletion vector removed are skipped. Streams batch by batch: close the stream when done.
   */
  public Stream<Object[]> rows(TableDef def) {
    return rows(
        def, IntStream.range(0, def.columns().size()).toArray(), ScanFilter.UNKNOWN, () -> {});
  }

  /**
   * Like {@link #rows(TableDef)}, but each row holds only {@code columns} (indexes into {@code
   * def}'s columns, in that order), only those are decoded, and {@code filter} goes to Kernel to
   * skip partitions and files whose statistics rule it out. Rows of the files kept are not
   * filtered: the caller still applies its condition. {@code checkpoint} runs before each batch and
   * file, so a caller can stop a scan that finds nothing for a long time by throwing there.
   */
  public Stream<Object[]> rows(
      TableDef def, int[] columns, ScanFilter filter, Runnable checkpoint) {
    if (!exists) {
      return Stream.empty();
    }
    StructType tableSchema = snapshot().getSchema();
    Set<String> partitions = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    partitions.addAll(snapshot().getPartitionColumnNames());
    List<StructField> wanted = new ArrayList<>();
    for (int c : columns) {
      StructField field = BatchRows.field(tableSchema, def.columns().get(c).name());
      // A column added to the schema after this version was written reads as null.
      if (field != null && !wanted.contains(field)) {
        wanted.add(field);
      }
    }
    // Partition values come from the log, not the files: with no data column to read, a file
    // would give no rows to count, so one data column is read and dropped.
    if (wanted.stream().allMatch(f -> partitions.contains(f.getName()))) {
      tableSchema.fields().stream()
          .filter(f -> !partitions.contains(f.getName()))
          .findFirst()
          .ifPresent(wanted::add);
    }
    ScanBuilder builder = snapshot().getScanBuilder().withReadSchema(new StructType(wanted));
    Optional<Predicate> predicate = new KernelFilters(def, tableSchema).toKernel(filter);
    if (predicate.isPresent()) {
      builder = builder.withFilter(predicate.get());
    }
    scans.incrementAndGet();
    // Strings are read as their UTF-8 bytes and decoded by BatchRows (see BatchRows.UTF8).
    Set<String> stringsAsBinary = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (StructField f : wanted) {
      if (f.getDataType() instanceof StringType && !partitions.contains(f.getName())) {
        stringsAsBinary.add(f.getName());
      }
    }
    ScanRows it =
        new ScanRows(
            builder.build(),
            new BatchRows(def, folder, columns, partitions, stringsAsBinary),
            stringsAsBinary,
            checkpoint);
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
        .onClose(it::close);
  }

  /** Counts of what this reader's scans have read so far. */
  public ScanStats scanStats() {
    return new ScanStats(scans.get(), filesRead.get(), rowsRead.get());
  }

  /**
   * Absolute local paths of the parquet files the pinned version is made of (ignoring deletion
   * vectors).
   */
  public List<String> activeFiles() {
    List<String> files = new ArrayList<>();
    forEachFile(
        file -> {
          String path = file.getPath();
          files.add(path.startsWith("file:") ? Path.of(URI.create(path)).toString() : path);
        });
    return files;
  }

  /**
   * Total bytes of the pinned version's parquet files, from the log alone: what a caller decides by
   * before reading whether a table is small enough to keep in memory.
   */
  public long dataBytes() {
    long[] total = {0};
    forEachFile(file -> total[0] += file.getSize());
    return total[0];
  }

  private void forEachFile(Consumer<FileStatus> action) {
    if (!exists) {
      return;
    }
    try (CloseableIterator<FilteredColumnarBatch> batches =
        snapshot().getScanBuilder().build().getScanFiles(ENGINE)) {
      while (batches.hasNext()) {
        try (CloseableIterator<Row> scanFiles = batches.next().getRows()) {
          while (scanFiles.hasNext()) {
            // Kernel's own examples use this internal helper: the public API has no other way to
            // turn a scan-file row into its absolute path (add.path is relative to the table root).
            action.accept(InternalScanFileUtils.getAddFileStatus(scanFiles.next()));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized Snapshot snapshot() {
    if (snapshot == null) {
      try {
        SnapshotBuilder builder = TableManager.loadSnapshot(folder);
        snapshot =
            (pinnedVersion == null ? builder : builder.atVersion(pinnedVersion)).build(ENGINE);
      } catch (KernelException e) {
        throw WarehouseException.unreadableTable(folder, pinnedVersion, e);
      }
    }
    return snapshot;
  }

  /**
   * Pulls rows scan file by scan file and batch by batch. Up to {@link #PREFETCH_FILES} files after
   * the one being read are decoded ahead on {@link #READERS} (Kernel's parquet reader, and its
   * per-file setup, is most of a scan's time; record-level tables come in one small file per
   * partition), each read whole and handed over in file order. A file larger than {@link
   * #PREFETCH_MAX_BYTES} is streamed batch by batch on the caller's thread instead, so at most one
   * of its batches is held. The rows themselves are made on the caller's thread, so a query's
   * memory budget (what its thread allocates) still counts every row it keeps.
   *
   * <p>Nested here so that this class stays the only one that drives a Kernel {@code Scan}.
   */
  private final class ScanRows implements Iterator<Object[]>, AutoCloseable {
    private final Row scanState;
    private final StructType physicalSchema;
    private final CloseableIterator<FilteredColumnarBatch> scanFileBatches;
    private final BatchRows converter;
    private final Runnable checkpoint;
    private CloseableIterator<Row> scanFiles;

    /** Files read ahead or to stream, in scan order. */
    private final ArrayDeque<Pending> ahead = new ArrayDeque<>();

    private CloseableIterator<FilteredColumnarBatch> data;
    private List<Object[]> rows = List.of();
    private int next;
    private boolean filesDone;

    ScanRows(Scan scan, BatchRows converter, Set<String> stringsAsBinary, Runnable checkpoint) {
      this.scanState = scan.getScanState(ENGINE);
      // Internal, as in Kernel's own reader examples: the public API does not expose the
      // physical schema to hand the parquet reader (it differs under column mapping).
      this.physicalSchema =
          asBinary(ScanStateRow.getPhysicalDataReadSchema(scanState), stringsAsBinary);
      this.scanFileBatches = scan.getScanFiles(ENGINE);
      this.converter = converter;
      this.checkpoint = checkpoint;
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == rows.size()) {
          checkpoint.run();
          if (data != null && data.hasNext()) {
            convert(data.next());
          } else {
            closeData();
            fillAhead();
            Pending file = ahead.poll();
            if (file == null) {
              return false;
            }
            data =
                file.batches == null
                    ? read(file.scanFile, file.file)
                    : iterator(await(file.batches));
            fillAhead();
          }
        }
        return true;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public Object[] next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Object[] row = rows.get(next);
      rows.set(next++, null); // let it go as soon as it is handed on
      return row;
    }

    private void convert(FilteredColumnarBatch batch) {
      rows = converter.rows(batch);
      next = 0;
      rowsRead.addAndGet(rows.size());
    }

    /** Keeps up to PREFETCH_FILES files queued, the small ones being decoded. */
    private void fillAhead() throws IOException {
      while (ahead.size() < PREFETCH_FILES) {
        Row scanFile = nextScanFile();
        if (scanFile == null) {
          return;
        }
        FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
        filesRead.incrementAndGet();
        if (file.getSize() > PREFETCH_MAX_BYTES) {
          ahead.add(new Pending(scanFile, file, null));
        } else {
          ahead.add(new Pending(scanFile, file, READERS.submit(() -> readAll(scanFile, file))));
        }
      }
    }

    private Row nextScanFile() throws IOException {
      while (!filesDone) {
        if (scanFiles != null && scanFiles.hasNext()) {
          return scanFiles.next();
        }
        closeScanFiles();
        if (scanFileBatches.hasNext()) {
          scanFiles = scanFileBatches.next().getRows();
        } else {
          filesDone = true;
        }
      }
      return null;
    }

    /** Waits for a file read ahead, still stopping at the checkpoint if the query is stopped. */
    private List<FilteredColumnarBatch> await(Future<List<FilteredColumnarBatch>> batches) {
      while (true) {
        checkpoint.run();
        try {
          return batches.get(50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillReading) {
          // check again
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException("Interrupted while reading " + folder);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException r) {
            throw r;
          }
          if (cause instanceof Error err) {
            throw err;
          }
          throw new UncheckedIOException(
              cause instanceof IOException io ? io : new IOException(cause));
        }
      }
    }

    /** One data file, decoded whole: what a reader thread runs. */
    private List<FilteredColumnarBatch> readAll(Row scanFile, FileStatus file) throws IOException {
      List<FilteredColumnarBatch> batches = new ArrayList<>();
      try (CloseableIterator<FilteredColumnarBatch> it = read(scanFile, file)) {
        while (it.hasNext()) {
          batches.add(it.next());
        }
      }
      return batches;
    }

    /**
     * One data file, turned from physical to logical rows with deletion vectors as selection
     * vectors.
     */
    private CloseableIterator<FilteredColumnarBatch> read(Row scanFile, FileStatus file)
        throws IOException {
      CloseableIterator<ColumnarBatch> physical =
          ENGINE
              .getParquetHandler()
              .readParquetFiles(singleton(file), physicalSchema, Optional.empty())
              .map(FileReadResult::getData);
      return Scan.transformPhysicalData(ENGINE, scanState, scanFile, physical);
    }

    private void closeData() throws IOException {
      if (data != null) {
        data.close();
        data = null;
      }
    }

    private void closeScanFiles() throws IOException {
      if (scanFiles != null) {
        scanFiles.close();
        scanFiles = null;
      }
    }

    @Override
    public void close() {
      // Files still queued are dropped: a reader thread already on one finishes it and lets go.
      for (Pending file : ahead) {
        if (file.batches != null) {
          file.batches.cancel(false);
        }
      }
      ahead.clear();
      rows = List.of();
      next = 0;
      try (scanFileBatches) {
        closeData();
        closeScanFiles();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * {@code schema} with the string columns named in {@code names} as binary: the parquet reader
   * then hands over each value's UTF-8 bytes, which BatchRows decodes in one step.
   */
  private static StructType asBinary(StructType schema, Set<String> names) {
    StructType out = new StructType();
    for (StructField f : schema.fields()) {
      out =
          out.add(
              f.getDataType() instanceof StringType && names.contains(f.getName())
                  ? f.withDataType(BinaryType.BINARY)
                  : f);
    }
    return out;
  }

  /** A scan file queued: being decoded ahead ({@code batches}), or to stream when null. */
  private record Pending(
      Row scanFile, FileStatus file, Future<List<FilteredColumnarBatch>> batches) {}

  private static <T> CloseableIterator<T> singleton(T item) {
    return iterator(List.of(item));
  }

  private static <T> CloseableIterator<T> iterator(List<T> items) {
    Iterator<T> it = items.iterator();
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public T next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public String toString() {
    return folder
        + (exists ? "@" + (pinnedVersion == null ? "latest" : pinnedVersion) : " (empty)");
  }
}
