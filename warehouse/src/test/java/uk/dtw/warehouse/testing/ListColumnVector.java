package uk.dtw.warehouse.testing;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.types.DataType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A Kernel column vector over plain Java values, for writing test tables: LocalDate for DATE,
 * Instant for TIMESTAMP.
 */
public record ListColumnVector(DataType type, List<?> values) implements ColumnVector {

  @Override
  public DataType getDataType() {
    return type;
  }

  @Override
  public int getSize() {
    return values.size();
  }

  @Override
  public void close() {}

  @Override
  public boolean isNullAt(int rowId) {
    return values.get(rowId) == null;
  }

  @Override
  public boolean getBoolean(int rowId) {
    return (Boolean) values.get(rowId);
  }

  @Override
  public int getInt(int rowId) {
    Object v = values.get(rowId);
    return v instanceof LocalDate d ? (int) d.toEpochDay() : (Integer) v;
  }

  @Override
  public long getLong(int rowId) {
    Object v = values.get(rowId);
    return v instanceof Instant t ? ChronoUnit.MICROS.between(Instant.EPOCH, t) : (Long) v;
  }

  @Override
  public double getDouble(int rowId) {
    return (Double) values.get(rowId);
  }

  @Override
  public String getString(int rowId) {
    return (String) values.get(rowId);
  }
}
