package uk.dtw.warehouse.delta;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import uk.dtw.model.schema.Column;
import uk.dtw.model.schema.ColumnType;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.WarehouseException;

/**
 * Turns Kernel column batches into {@code Object[]} rows in a {@link TableDef}'s column order.
 *
 * <p>Values are those of Calcite's enumerable convention, which a {@code ScannableTable} must
 * return: STRING as String, INT as Integer, LONG as Long, DOUBLE as Double, BOOLEAN as Boolean,
 * DATE as Integer days since 1970-01-01 (Delta stores the same), TIMESTAMP as Long milliseconds
 * since the epoch (Delta stores microseconds UTC; the sub-millisecond part is dropped).
 */
final class BatchRows {

  /** Reads one non-null value of a column vector. */
  private interface ValueReader {
    Object read(ColumnVector vector, int row);
  }

  private final TableDef def;
  private final String table;
  private final int[] columns;

  BatchRows(TableDef def, String table) {
    this(def, table, IntStream.range(0, def.columns().size()).toArray());
  }

  /** Rows of only {@code columns} (indexes into {@code def}'s columns), in that order. */
  BatchRows(TableDef def, String table, int[] columns) {
    this.def = def;
    this.table = table;
    this.columns = columns.clone();
  }

  /** The rows the batch's selection vector keeps (all rows when it has none). */
  List<Object[]> rows(FilteredColumnarBatch filtered) {
    ColumnarBatch batch = filtered.getData();
    int width = columns.length;
    ColumnVector[] vectors = new ColumnVector[width];
    ValueReader[] readers = new ValueReader[width];
    for (int i = 0; i < width; i++) {
      Column column = def.columns().get(columns[i]);
      StructField field = field(batch.getSchema(), column.name());
      if (field
          != null) { // absent: the column is newer than this table version, so it reads as null
        vectors[i] = batch.getColumnVector(batch.getSchema().indexOf(field.getName()));
        readers[i] = reader(field.getDataType(), column);
      }
    }
    Optional<ColumnVector> selection = filtered.getSelectionVector();
    List<Object[]> rows = new ArrayList<>(batch.getSize());
    for (int r = 0; r < batch.getSize(); r++) {
      if (selection.isPresent()
          && (selection.get().isNullAt(r) || !selection.get().getBoolean(r))) {
        continue; // removed by a deletion vector
      }
      Object[] row = new Object[width];
      for (int i = 0; i < width; i++) {
        if (vectors[i] != null && !vectors[i].isNullAt(r)) {
          row[i] = readers[i].read(vectors[i], r);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** The field called {@code name}, matched as Delta does (case-insensitively), or null. */
  static StructField field(StructType schema, String name) {
    for (StructField f : schema.fields()) {
      if (f.getName().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  private ValueReader reader(DataType type, Column column) {
    ValueReader reader = readerOrNull(type, column.type());
    if (reader == null) {
      throw WarehouseException.typeMismatch(
          table, column.name(), type.toString(), column.type().name());
    }
    return reader;
  }

  // Exact types first; the widenings (e.g. a float where DOUBLE is declared) lose nothing.
  private static ValueReader readerOrNull(DataType type, ColumnType want) {
    switch (want) {
      case STRING:
        return type instanceof StringType ? ColumnVector::getString : null;
      case INT:
        if (type instanceof IntegerType) return ColumnVector::getInt;
        if (type instanceof ShortType) return (v, r) -> (int) v.getShort(r);
        return type instanceof ByteType ? (v, r) -> (int) v.getByte(r) : null;
      case LONG:
        if (type instanceof LongType) return ColumnVector::getLong;
        return type instanceof IntegerType ? (v, r) -> (long) v.getInt(r) : null;
      case DOUBLE:
        if (type instanceof DoubleType) return ColumnVector::getDouble;
        if (type instanceof FloatType) return (v, r) -> (double) v.getFloat(r);
        if (type instanceof DecimalType) return (v, r) -> v.getDecimal(r).doubleValue();
        if (type instanceof LongType) return (v, r) -> (double) v.getLong(r);
        return type instanceof IntegerType ? (v, r) -> (double) v.getInt(r) : null;
      case BOOLEAN:
        return type instanceof BooleanType ? ColumnVector::getBoolean : null;
      case DATE:
        return type instanceof DateType ? ColumnVector::getInt : null;
      case TIMESTAMP:
        return type instanceof TimestampType || type instanceof TimestampNTZType
            ? (v, r) -> Math.floorDiv(v.getLong(r), 1000L)
            : null;
      default:
        return null;
    }
  }
}
