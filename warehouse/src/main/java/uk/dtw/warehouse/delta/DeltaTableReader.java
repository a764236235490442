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
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeSet;
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
    ScanRows it = new ScanRows(builder.build(), new BatchRows(def, folder, columns), checkpoint);
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
   * Pulls rows scan file by scan file and batch by batch, so at most one parquet batch is held.
   * Nested here so that this class stays the only one that drives a Kernel {@code Scan}.
   */
  private final class ScanRows implements Iterator<Object[]>, AutoCloseable {
    private final Row scanState;
    private final StructType physicalSchema;
    private final CloseableIterator<FilteredColumnarBatch> scanFileBatches;
    private final BatchRows converter;
    private final Runnable checkpoint;
    private CloseableIterator<Row> scanFiles;
    private CloseableIterator<FilteredColumnarBatch> data;
    private Iterator<Object[]> pending = Collections.emptyIterator();

    ScanRows(Scan scan, BatchRows converter, Runnable checkpoint) {
      this.scanState = scan.getScanState(ENGINE);
      // Internal, as in Kernel's own reader examples: the public API does not expose the
      // physical schema to hand the parquet reader (it differs under column mapping).
      this.physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
      this.scanFileBatches = scan.getScanFiles(ENGINE);
      this.converter = converter;
      this.checkpoint = checkpoint;
    }

    @Override
    public boolean hasNext() {
      try {
        while (!pending.hasNext()) {
          checkpoint.run();
          if (data != null && data.hasNext()) {
            List<Object[]> rows = converter.rows(data.next());
            rowsRead.addAndGet(rows.size());
            pending = rows.iterator();
          } else if (scanFiles != null && scanFiles.hasNext()) {
            closeData();
            data = read(scanFiles.next());
          } else if (scanFileBatches.hasNext()) {
            closeData();
            closeScanFiles();
            scanFiles = scanFileBatches.next().getRows();
          } else {
            return false;
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
      return pending.next();
    }

    /**
     * One data file, turned from physical to logical rows with deletion vectors as selection
     * vectors.
     */
    private CloseableIterator<FilteredColumnarBatch> read(Row scanFile) throws IOException {
      FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
      filesRead.incrementAndGet();
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
      try (scanFileBatches) {
        closeData();
        closeScanFiles();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static <T> CloseableIterator<T> singleton(T item) {
    Iterator<T> it = List.of(item).iterator();
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
