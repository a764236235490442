package uk.dtw.warehouse.calcite;

import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ProjectableFilterableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.delta.DeltaTableReader;
import uk.dtw.warehouse.delta.ScanFilter;

/**
 * A warehouse table pinned to one Delta version. Calcite hands it the columns and filters of a
 * query: the columns are all that is decoded, the filters go to Kernel to skip partitions and
 * files. Filters stay in Calcite's list, so Calcite still applies them to the rows of the files
 * kept, with its own SQL semantics; Kernel's pruning is only ever a superset of them.
 *
 * <p>Small tables are read once and kept (re-reading parquet costs ~150 ms a query); the rest are
 * streamed on every scan, so a record-level table is never held in memory.
 */
public final class DeltaScannableTable extends AbstractTable implements ProjectableFilterableTable {
  /** Parquet bytes up to which an unpartitioned table is kept in memory (a few times as much). */
  public static final long CACHE_BYTES = 16L << 20;

  private final TableDef def;
  private final DeltaTableReader reader;
  private final long cacheBytes;
  private volatile Boolean cached;
  private volatile List<Object[]> rows;

  public DeltaScannableTable(TableDef def, DeltaTableReader reader) {
    this(def, reader, CACHE_BYTES);
  }

  /** With a cache limit of {@code cacheBytes} (0: only dimensions are kept). */
  public DeltaScannableTable(TableDef def, DeltaTableReader reader, long cacheBytes) {
    this.def = def;
    this.reader = reader;
    this.cacheBytes = cacheBytes;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return CalciteTypes.rowType(def, typeFactory);
  }

  // Calcite may call this more than once per query (adding the filters' columns to projects) and
  // use only the last: nothing is read until an enumerator is asked for.
  @Override
  public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters, int[] projects) {
    int[] columns =
        projects != null ? projects.clone() : IntStream.range(0, def.columns().size()).toArray();
    QueryCheckpoint checkpoint = QueryCheckpoint.of(root, def.name());
    if (kept()) {
      return enumerable(() -> rows().stream().map(row -> project(row, columns)), checkpoint);
    }
    ScanFilter filter = new RexScanFilters(def, root).of(filters);
    return enumerable(() -> reader.rows(def, columns, filter, checkpoint), checkpoint);
  }

  /**
   * Whether this table is kept in memory: dimensions always (small by nature and joined by every
   * query), other unpartitioned tables up to {@code cacheBytes} of parquet, partitioned ones
   * (record-level, where pruning pays) never. Decided once, from the log's file sizes.
   */
  boolean kept() {
    Boolean decided = cached;
    if (decided == null) {
      decided =
          def.name().startsWith("dim_")
              || (def.partitionColumns().isEmpty() && reader.dataBytes() <= cacheBytes);
      cached = decided;
    }
    return decided;
  }

  private static Object[] project(Object[] row, int[] columns) {
    Object[] out = new Object[columns.length];
    for (int i = 0; i < columns.length; i++) {
      out[i] = row[columns[i]];
    }
    return out;
  }

  private List<Object[]> rows() {
    List<Object[]> kept = rows;
    if (kept == null) {
      synchronized (this) {
        if (rows == null) {
          try (Stream<Object[]> stream = reader.rows(def)) {
            rows = stream.toList();
          }
        }
        kept = rows;
      }
    }
    return kept;
  }

  private static Enumerable<Object[]> enumerable(
      Supplier<Stream<Object[]>> open, QueryCheckpoint checkpoint) {
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new StreamEnumerator(open, checkpoint);
      }
    };
  }

  /** Pulls rows from a stream opened on first use, and closes it (and Kernel's files) on close. */
  private static final class StreamEnumerator implements Enumerator<Object[]> {
    private final Supplier<Stream<Object[]>> open;
    private final QueryCheckpoint checkpoint;
    private Stream<Object[]> stream;
    private Iterator<Object[]> it;
    private Object[] current;

    StreamEnumerator(Supplier<Stream<Object[]>> open, QueryCheckpoint checkpoint) {
      this.open = open;
      this.checkpoint = checkpoint;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      checkpoint.beforeRow();
      if (it == null) {
        stream = open.get();
        it = stream.iterator();
      }
      if (it.hasNext()) {
        current = it.next();
        return true;
      }
      current = null;
      return false;
    }

    @Override
    public void reset() {
      close();
    }

    @Override
    public void close() {
      if (stream != null) {
        stream.close();
      }
      stream = null;
      it = null;
      current = null;
    }
  }
}
