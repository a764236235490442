package uk.dtw.warehouse.calcite;

import java.util.List;
import java.util.stream.Stream;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.delta.DeltaTableReader;

/**
 * A warehouse table pinned to one Delta version, scanned whole by Calcite (filters and projections
 * run in Calcite: the tables are small, so pushing them down would buy little).
 */
public final class DeltaScannableTable extends AbstractTable implements ScannableTable {
  private final TableDef def;
  private final DeltaTableReader reader;
  private volatile List<Object[]> rows;

  public DeltaScannableTable(TableDef def, DeltaTableReader reader) {
    this.def = def;
    this.reader = reader;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return CalciteTypes.rowType(def, typeFactory);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows());
  }

  // A pinned Delta version never changes, and the whole warehouse is ~100k rows, so the rows are
  // read once and kept: re-reading parquet would cost ~150 ms on every query. The reader itself
  // streams, should a table ever outgrow memory.
  private List<Object[]> rows() {
    List<Object[]> cached = rows;
    if (cached == null) {
      synchronized (this) {
        if (rows == null) {
          try (Stream<Object[]> stream = reader.rows(def)) {
            rows = stream.toList();
          }
        }
        cached = rows;
      }
    }
    return cached;
  }
}
