package uk.dtw.warehouse.calcite;

import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import uk.dtw.model.schema.Column;
import uk.dtw.model.schema.TableDef;
import uk.dtw.warehouse.delta.ScanFilter;

/**
 * Says what the filters Calcite offers a table mean as a {@link ScanFilter}: exactly, or {@link
 * ScanFilter#UNKNOWN} for any part it cannot read (a function, a cast, a type it does not map).
 */
final class RexScanFilters {
  private final TableDef def;
  private final RexBuilder rexBuilder;
  private final DataContext context;

  /**
   * @param context the executing query's: a prepared statement's parameters ({@code ?}) are read
   *     from it, so a report prepared once still prunes by the partnership or year it is run for
   */
  RexScanFilters(TableDef def, DataContext context) {
    this.def = def;
    this.rexBuilder = new RexBuilder(context.getTypeFactory());
    this.context = context;
  }

  /** The conjunction of the filters (each a condition on the table's own columns). */
  ScanFilter of(List<RexNode> filters) {
    return filters.isEmpty()
        ? ScanFilter.UNKNOWN
        : new ScanFilter.And(filters.stream().map(this::of).toList());
  }

  ScanFilter of(RexNode node) {
    if (!(node instanceof RexCall call)) {
      return ScanFilter.UNKNOWN;
    }
    List<RexNode> operands = call.getOperands();
    return switch (call.getKind()) {
      // IN lists and ranges arrive as SEARCH over a Sarg: Calcite's own expansion says what
      // they mean in plain comparisons.
      case SEARCH -> of(RexUtil.expandSearch(rexBuilder, null, call));
      case AND -> new ScanFilter.And(operands.stream().map(this::of).toList());
      case OR -> new ScanFilter.Or(operands.stream().map(this::of).toList());
      case NOT -> new ScanFilter.Not(of(operands.get(0)));
      case IS_NULL -> isNull(operands.get(0));
      case IS_NOT_NULL -> new ScanFilter.Not(isNull(operands.get(0)));
      case EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL ->
          compare(call.getKind(), operands.get(0), operands.get(1));
      case NOT_EQUALS ->
          new ScanFilter.Not(compare(SqlKind.EQUALS, operands.get(0), operands.get(1)));
      default -> ScanFilter.UNKNOWN;
    };
  }

  private ScanFilter isNull(RexNode operand) {
    return operand instanceof RexInputRef ref
        ? new ScanFilter.IsNull(column(ref).name())
        : ScanFilter.UNKNOWN;
  }

  private ScanFilter compare(SqlKind kind, RexNode left, RexNode right) {
    if (!(left instanceof RexInputRef) && right instanceof RexInputRef) {
      return compare(kind.reverse(), right, left);
    }
    if (!(left instanceof RexInputRef ref)) {
      return ScanFilter.UNKNOWN;
    }
    Column column = column(ref);
    Object value = null;
    if (right instanceof RexLiteral literal) {
      value = value(column, literal);
    } else if (right instanceof RexDynamicParam param) {
      value = parameter(column, context.get("?" + param.getIndex()));
    }
    return value == null
        ? ScanFilter.UNKNOWN
        : new ScanFilter.Compare(column.name(), op(kind), value);
  }

  /**
   * A parameter's value as the column's rows hold it, for the types that need no conversion to
   * compare exactly (text and whole numbers); null otherwise: then nothing is pushed.
   */
  private static Object parameter(Column column, Object value) {
    return switch (column.type()) {
      case STRING -> value instanceof String ? value : null;
      case INT -> value instanceof Integer ? value : null;
      case LONG ->
          value instanceof Long || value instanceof Integer ? ((Number) value).longValue() : null;
      default -> null;
    };
  }

  private Column column(RexInputRef ref) {
    return def.columns().get(ref.getIndex());
  }

  private static String op(SqlKind kind) {
    return switch (kind) {
      case EQUALS -> "=";
      case LESS_THAN -> "<";
      case LESS_THAN_OR_EQUAL -> "<=";
      case GREATER_THAN -> ">";
      default -> ">=";
    };
  }

  /**
   * The literal as the column's rows hold it (see BatchRows), or null when it has no exact such
   * value: then the comparison is not pushed.
   */
  private static Object value(Column column, RexLiteral literal) {
    if (literal.isNull()) {
      return null;
    }
    SqlTypeName type = literal.getTypeName();
    return switch (column.type()) {
      case STRING ->
          SqlTypeName.CHAR_TYPES.contains(type) ? literal.getValueAs(String.class) : null;
      case DATE -> type == SqlTypeName.DATE ? literal.getValueAs(Integer.class) : null;
      case INT -> exact(literal, type, Integer.class);
      case LONG -> exact(literal, type, Long.class);
      case DOUBLE -> exact(literal, type, Double.class);
      default -> null;
    };
  }

  private static Object exact(RexLiteral literal, SqlTypeName type, Class<?> as) {
    if (!SqlTypeName.NUMERIC_TYPES.contains(type)) {
      return null;
    }
    if (type == SqlTypeName.DOUBLE || type == SqlTypeName.FLOAT || type == SqlTypeName.REAL) {
      return as == Double.class ? literal.getValueAs(Double.class) : null;
    }
    BigDecimal v = literal.getValueAs(BigDecimal.class);
    try {
      if (as == Integer.class) {
        return v.intValueExact();
      } else if (as == Long.class) {
        return v.longValueExact();
      }
      double d = v.doubleValue();
      return new BigDecimal(d).compareTo(v) == 0 ? d : null;
    } catch (ArithmeticException notAWholeNumberInRange) {
      return null;
    }
  }
}
