package uk.dtw.warehouse.delta;

import io.delta.kernel.expressions.And;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.expressions.Or;
import io.delta.kernel.expressions.Predicate;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.dtw.model.schema.ColumnType;
import uk.dtw.model.schema.TableDef;

/**
 * Turns a {@link ScanFilter} into a Kernel {@link Predicate} that is true of every row the filter
 * is true of, so that Kernel's partition pruning and data skipping never drop a row the query
 * wants. Whatever cannot be said safely is left out ("may be true"), which only prunes less.
 */
final class KernelFilters {
  private final TableDef def;
  private final StructType schema;

  KernelFilters(TableDef def, StructType schema) {
    this.def = def;
    this.schema = schema;
  }

  /** The predicate, or empty when nothing can be pushed. */
  Optional<Predicate> toKernel(ScanFilter filter) {
    return convert(filter, false);
  }

  // exact: the result must have the filter's own truth value (TRUE, FALSE or NULL) on every row,
  // as under a NOT; otherwise it may be true of more rows. Only AND can drop an operand, and only
  // when not exact; every other "cannot say" propagates up as empty.
  private Optional<Predicate> convert(ScanFilter filter, boolean exact) {
    if (filter instanceof ScanFilter.Compare c) {
      return compare(c, exact);
    } else if (filter instanceof ScanFilter.IsNull n) {
      return field(n.column()).map(f -> new Predicate("IS_NULL", new Column(f.getName())));
    } else if (filter instanceof ScanFilter.Not n) {
      return convert(n.operand(), true)
          .map(
              p ->
                  p.getName().equals("IS_NULL")
                      ? new Predicate("IS_NOT_NULL", p.getChildren().get(0))
                      : new Predicate("NOT", p));
    } else if (filter instanceof ScanFilter.And a) {
      List<Predicate> parts = new ArrayList<>();
      for (ScanFilter operand : a.operands()) {
        Optional<Predicate> p = convert(operand, exact);
        if (p.isPresent()) {
          parts.add(p.get());
        } else if (exact) {
          return Optional.empty();
        }
      }
      return parts.stream().reduce(And::new);
    } else if (filter instanceof ScanFilter.Or o) {
      List<Predicate> parts = new ArrayList<>();
      for (ScanFilter operand : o.operands()) {
        Optional<Predicate> p = convert(operand, exact);
        if (p.isEmpty()) {
          return Optional.empty(); // one unknown branch may keep any row
        }
        parts.add(p.get());
      }
      return parts.stream().reduce(Or::new);
    }
    return Optional.empty();
  }

  private Optional<Predicate> compare(ScanFilter.Compare c, boolean exact) {
    Optional<ColumnType> type = def.column(c.column()).map(uk.dtw.model.schema.Column::type);
    Optional<StructField> field = field(c.column());
    if (type.isEmpty() || field.isEmpty()) {
      return Optional.empty();
    }
    Literal literal = literal(type.get(), field.get().getDataType(), c, exact);
    return literal == null
        ? Optional.empty()
        : Optional.of(new Predicate(c.op(), new Column(field.get().getName()), literal));
  }

  // Only where Kernel compares as the query does: the Delta type must be the declared one (the
  // reader's widenings, e.g. a short read as INT, are not pushed).
  private static Literal literal(
      ColumnType type, DataType delta, ScanFilter.Compare c, boolean exact) {
    Object v = c.value();
    switch (type) {
      case STRING:
        // Kernel orders strings by UTF-8 bytes, Java by UTF-16 units: the two agree on every
        // comparison with a literal that has no character from U+D800 up.
        return delta instanceof StringType
                && v instanceof String s
                && (c.op().equals("=") || s.chars().allMatch(ch -> ch < 0xD800))
            ? Literal.ofString(s)
            : null;
      case INT:
        return delta instanceof IntegerType && v instanceof Integer i ? Literal.ofInt(i) : null;
      case LONG:
        return delta instanceof LongType && v instanceof Long l ? Literal.ofLong(l) : null;
      case DATE:
        return delta instanceof DateType && v instanceof Integer d ? Literal.ofDate(d) : null;
      case DOUBLE:
        // Kernel may order NaN and -0.0 as Double.compare does, SQL as IEEE does: they differ
        // only on those values, which a non-zero literal and no NOT keep from mattering.
        return !exact
                && delta instanceof DoubleType
                && v instanceof Double d
                && Double.isFinite(d)
                && d != 0.0
            ? Literal.ofDouble(d)
            : null;
      default:
        return null;
    }
  }

  private Optional<StructField> field(String column) {
    return Optional.ofNullable(BatchRows.field(schema, column));
  }
}
