package uk.dtw.warehouse.testing;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import uk.dtw.model.schema.Column;
import uk.dtw.model.schema.ColumnType;
import uk.dtw.model.schema.TableDef;

/**
 * Writes small real Delta tables with Delta Kernel's own write API, so read tests need no Spark.
 */
public final class DeltaTestTables {
  private static final Engine ENGINE = DefaultEngine.create(new Configuration());

  private DeltaTestTables() {}

  /**
   * Appends rows (values in {@code def}'s column order) as one commit, creating the table first if
   * need be (partitioned by {@code def.partitionColumns()}, one file per partition written);
   * returns the new version.
   */
  public static long append(Path folder, TableDef def, List<Object[]> rows) {
    StructType schema = schema(def);
    String path = folder.toAbsolutePath().toString();
    Transaction txn =
        Files.isDirectory(folder.resolve("_delta_log"))
            ? TableManager.loadSnapshot(path)
                .build(ENGINE)
                .buildUpdateTableTransaction("dtw-tests", Operation.WRITE)
                .build(ENGINE)
            : TableManager.buildCreateTableTransaction(path, schema, "dtw-tests")
                .withDataLayoutSpec(layout(def))
                .build(ENGINE);
    Row state = txn.getTransactionState(ENGINE);
    try {
      List<Row> actions = new ArrayList<>();
      for (Map.Entry<Map<String, Literal>, List<Object[]>> part : byPartition(def, rows)) {
        CloseableIterator<FilteredColumnarBatch> physical =
            Transaction.transformLogicalData(
                ENGINE,
                state,
                closeable(List.of(batch(def, schema, part.getValue())).iterator()),
                part.getKey());
        DataWriteContext context = Transaction.getWriteContext(ENGINE, state, part.getKey());
        CloseableIterator<DataFileStatus> files =
            ENGINE
                .getParquetHandler()
                .writeParquetFiles(
                    context.getTargetDirectory(), physical, context.getStatisticsColumns());
        Transaction.generateAppendActions(ENGINE, state, files, context)
            .forEachRemaining(actions::add);
      }
      return txn.commit(ENGINE, CloseableIterable.inMemoryIterable(closeable(actions.iterator())))
          .getVersion();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DataLayoutSpec layout(TableDef def) {
    return def.partitionColumns().isEmpty()
        ? DataLayoutSpec.noDataLayout()
        : DataLayoutSpec.partitioned(
            def.partitionColumns().stream().map(io.delta.kernel.expressions.Column::new).toList());
  }

  // Rows grouped by their partition values, as Kernel writes one partition at a time (keyed by
  // the Java values: Kernel's Literal has no hashCode).
  private static List<Map.Entry<Map<String, Literal>, List<Object[]>>> byPartition(
      TableDef def, List<Object[]> rows) {
    Map<List<Object>, List<Object[]>> groups = new LinkedHashMap<>();
    for (Object[] row : rows) {
      List<Object> key = new ArrayList<>();
      for (String p : def.partitionColumns()) {
        key.add(row[def.columnNames().indexOf(p)]);
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
    }
    List<Map.Entry<Map<String, Literal>, List<Object[]>>> parts = new ArrayList<>();
    groups.forEach(
        (key, group) -> {
          Map<String, Literal> values = new LinkedHashMap<>();
          for (int k = 0; k < key.size(); k++) {
            String p = def.partitionColumns().get(k);
            values.put(p, literal(def.column(p).orElseThrow().type(), key.get(k)));
          }
          parts.add(Map.entry(values, group));
        });
    return parts;
  }

  private static Literal literal(ColumnType type, Object value) {
    if (value == null) {
      return Literal.ofNull(kernelType(type));
    }
    return switch (type) {
      case STRING -> Literal.ofString((String) value);
      case INT -> Literal.ofInt((Integer) value);
      case LONG -> Literal.ofLong((Long) value);
      case DATE -> Literal.ofDate((int) ((LocalDate) value).toEpochDay());
      default -> throw new IllegalArgumentException("no test partitions by " + type);
    };
  }

  /** Convenience for {@code append} with rows given inline. */
  public static long append(Path folder, TableDef def, Object[]... rows) {
    return append(folder, def, List.of(rows));
  }

  private static FilteredColumnarBatch batch(TableDef def, StructType schema, List<Object[]> rows) {
    List<ColumnVector> vectors = new ArrayList<>();
    for (int i = 0; i < def.columns().size(); i++) {
      List<Object> values = new ArrayList<>();
      for (Object[] row : rows) {
        values.add(row[i]);
      }
      vectors.add(new ListColumnVector(schema.at(i).getDataType(), values));
    }
    return new FilteredColumnarBatch(new ListBatch(schema, vectors, rows.size()), Optional.empty());
  }

  private static StructType schema(TableDef def) {
    StructType schema = new StructType();
    for (Column c : def.columns()) {
      schema = schema.add(c.name(), kernelType(c.type()), c.nullable());
    }
    return schema;
  }

  private static DataType kernelType(ColumnType type) {
    return switch (type) {
      case STRING -> StringType.STRING;
      case INT -> IntegerType.INTEGER;
      case LONG -> LongType.LONG;
      case DOUBLE -> DoubleType.DOUBLE;
      case BOOLEAN -> BooleanType.BOOLEAN;
      case DATE -> DateType.DATE;
      case TIMESTAMP -> TimestampType.TIMESTAMP;
    };
  }

  /** A columnar batch over the vectors given. */
  public record ListBatch(StructType schema, List<ColumnVector> vectors, int size)
      implements ColumnarBatch {
    @Override
    public StructType getSchema() {
      return schema;
    }

    @Override
    public ColumnVector getColumnVector(int ordinal) {
      return vectors.get(ordinal);
    }

    @Override
    public int getSize() {
      return size;
    }

    // Kernel drops partition columns this way before writing a partition's file.
    @Override
    public ColumnarBatch withDeletedColumnAt(int ordinal) {
      List<StructField> fields = new ArrayList<>(schema.fields());
      List<ColumnVector> kept = new ArrayList<>(vectors);
      fields.remove(ordinal);
      kept.remove(ordinal);
      return new ListBatch(new StructType(fields), kept, size);
    }
  }

  private static <T> CloseableIterator<T> closeable(Iterator<T> it) {
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
}
